import { SearchServiceConfig } from '@coop/platform';

export class ProfessionalsConfig extends SearchServiceConfig {}
