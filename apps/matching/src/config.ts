import { IsInt, Max, Min } from 'class-validator';
import { MAX_CANDIDATE_POOL } from '@coop/contracts';
import { SearchServiceConfig } from '@coop/platform';

export class MatchingConfig extends SearchServiceConfig {
  /** How many candidates the search index hands to exact re-ranking. */
  @IsInt()
  @Min(5)
  @Max(MAX_CANDIDATE_POOL)
  MATCH_TOP_K: number = 100;

  /** How many ranked candidates a pending request keeps for coordinators. */
  @IsInt()
  @Min(1)
  @Max(100)
  STORED_MATCHES: number = 10;

  /** How often bookings that no assignment holds are looked for and released (0: never). */
  @IsInt()
  @Min(0)
  BOOKING_RECONCILE_MS: number = 600_000;

  /** How old a booking must be before it counts as orphaned (no transaction that made it still runs). */
  @IsInt()
  @Min(0)
  BOOKING_RECONCILE_GRACE_MS: number = 600_000;

  /**
   * Nearest fits: how many working days a request's window may be stretched (at its end) or
   * shifted (either way) by a suggestion. One working week by default.
   */
  @IsInt()
  @Min(0)
  @Max(20)
  NEAREST_FITS_WINDOW_DAYS: number = 5;
}
