import { SearchServiceConfig } from '@coop/platform';

export class MatchingConfig extends SearchServiceConfig {}
