import { ServiceConfig } from '@coop/platform';

export class MembersConfig extends ServiceConfig {}
