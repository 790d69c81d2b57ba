import { IsInt, Max, Min } from 'class-validator';
import { SearchServiceConfig } from '@coop/platform';

export class MatchingConfig extends SearchServiceConfig {
  /** How many candidates the search index hands to exact re-ranking. */
  @IsInt()
  @Min(5)
  @Max(1000)
  MATCH_TOP_K: number = 100;

  /** How many ranked candidates a pending request keeps for coordinators. */
  @IsInt()
  @Min(1)
  @Max(100)
  STORED_MATCHES: number = 10;
}
