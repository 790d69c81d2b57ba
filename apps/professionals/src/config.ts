import { IsInt, Max, Min } from 'class-validator';
import { SearchServiceConfig } from '@coop/platform';

export class ProfessionalsConfig extends SearchServiceConfig {
  /** How long the indexer gathers changes before writing them to Meilisearch. */
  @IsInt()
  @Min(0)
  @Max(5_000)
  SEARCH_FLUSH_DELAY_MS: number = 50;

  /** Most documents in one Meilisearch write. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  SEARCH_BATCH_SIZE: number = 500;

  /** Fallback poll of the index queue when no notification arrives (and leadership retry). */
  @IsInt()
  @Min(100)
  SEARCH_SWEEP_MS: number = 2_000;

  /** How often the service checks whether the index must be rebuilt (new week, or older than a day). */
  @IsInt()
  @Min(1_000)
  SEARCH_REBUILD_CHECK_MS: number = 3_600_000;
}
