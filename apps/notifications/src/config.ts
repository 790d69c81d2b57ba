import { ServiceConfig } from '@coop/platform';

export class NotificationsConfig extends ServiceConfig {}
