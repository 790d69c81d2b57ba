import { IsInt, Max, Min } from 'class-validator';
import { SearchServiceConfig } from '@coop/platform';

export class MatchingConfig extends SearchServiceConfig {
  /**
   * How many professionals retrieval first reads from the index (its slice most likely to hold the
   * best); it reads on, doubling, until nobody unread can make the top (docs/matching.md).
   */
  @IsInt()
  @Min(5)
  @Max(1_000)
  MATCH_FIRST_PAGE: number = 20;

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
