import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { EnqueuedTaskPromise, Meilisearch, MeilisearchApiError, Settings, Task } from 'meilisearch';
import { PROFESSIONALS_MAX_TOTAL_HITS, professionalsIndexName, ProfessionalSearchDocument } from '@coop/contracts';
import { ProfessionalsConfig } from '../config.js';

const RETRY_MS = 1_000;
/** Bulk writes queue behind each other in Meilisearch: wait for them generously. */
const TASK_TIMEOUT_MS = 10 * 60_000;

const EQUALITY = { facetSearch: false, filter: { equality: true, comparison: false } };
const COMPARISON = { facetSearch: false, filter: { equality: true, comparison: true } };

/**
 * Settings of the professionals index, chosen for matching (see ProfessionalSearchDocument for the
 * document shape). Matching reads it by filter and sort only (candidates by
 * `profileScores.<domain>`; who holds a request's keywords by a filter on `keywords`) and computes
 * text relevance itself: nothing is searchable, so no word, typo or proximity index is built on
 * each change. Filters only where matching needs them, no facet search: indexing 100k profiles
 * stays fast.
 */
export const PROFESSIONALS_INDEX_SETTINGS: Settings = {
  searchableAttributes: [],
  filterableAttributes: [
    { attributePatterns: ['id', 'domains', 'languages', 'region', 'coopSectors', 'active', 'keywords'], features: EQUALITY },
    { attributePatterns: ['profileScores.*', 'coopYears', 'freeHours.*', 'freeHoursTotal'], features: COMPARISON },
  ],
  sortableAttributes: ['profileScores', 'coopYears', 'freeHoursTotal'],
  rankingRules: ['sort', 'coopYears:desc', 'freeHoursTotal:desc'],
  // Nothing is searchable, yet Meilisearch's defaults still cost on every write: with them a change
  // took p95 465 ms to be searchable right after a burst of 200, and 632 ms during bookings, against
  // 148 and 243 ms without (bench:index, 100,000 professionals).
  prefixSearch: 'disabled',
  proximityPrecision: 'byAttribute',
  pagination: { maxTotalHits: PROFESSIONALS_MAX_TOTAL_HITS },
};

/**
 * The `<prefix>professionals` index: creates it with its settings before any document goes in,
 * and offers the writes the indexer and the rebuild need. A rebuild fills `<live>_next` and swaps.
 */
@Injectable()
export class ProfessionalsIndex implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProfessionalsIndex.name);
  readonly client: Meilisearch;
  readonly liveUid: string;
  readonly nextUid: string;
  private ready: Promise<void> | undefined;
  private stopped = false;

  constructor(@Inject(ProfessionalsConfig) config: ProfessionalsConfig) {
    this.client = new Meilisearch({
      host: config.MEILI_URL,
      apiKey: config.MEILI_MASTER_KEY,
      defaultWaitOptions: { timeout: TASK_TIMEOUT_MS, interval: 20 },
      // Meilisearch sits next to the service: compressing its answers only costs CPU.
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    });
    this.liveUid = professionalsIndexName(config.MEILI_INDEX_PREFIX);
    this.nextUid = `${this.liveUid}_next`;
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }

  /** Resolves once the live index exists with its settings (retrying while Meilisearch is unreachable). */
  whenReady(): Promise<void> {
    this.ready ??= this.untilDone(() => this.prepare(this.liveUid));
    return this.ready;
  }

  /** Creates the index if needed and applies the settings, waiting until both are done. */
  async prepare(uid: string): Promise<void> {
    const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') throw taskError(created);
    assertSucceeded(await this.client.index(uid).updateSettings(PROFESSIONALS_INDEX_SETTINGS).waitTask());
  }

  /** Replaces whole documents; resolves when queued (await `.waitTask()` for the outcome). */
  write(uid: string, documents: ProfessionalSearchDocument[]): EnqueuedTaskPromise {
    return this.client.index<ProfessionalSearchDocument>(uid).addDocuments(documents, { primaryKey: 'id' });
  }

  /** How many documents the live index holds (0 when it does not exist). */
  async liveDocumentCount(): Promise<number> {
    try {
      return (await this.client.index(this.liveUid).getStats()).numberOfDocuments;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return 0;
      throw error;
    }
  }

  /** Whether a document of the live index has the fields the current ones have (the latest added: `skillKeywordCount`). */
  async holdsCurrentDocuments(): Promise<boolean> {
    const { results } = await this.client.index<ProfessionalSearchDocument>(this.liveUid).getDocuments({ limit: 1, fields: ['id', 'skillKeywordCount'] });
    return results.length === 0 || results[0].skillKeywordCount !== undefined;
  }

  async deleteIfExists(uid: string): Promise<void> {
    await this.client.deleteIndexIfExists(uid);
  }

  /** Atomically exchanges the live index with `nextUid`. */
  async swapInNext(): Promise<void> {
    assertSucceeded(await this.client.swapIndexes([{ indexes: [this.liveUid, this.nextUid], rename: false }]).waitTask());
  }

  private async untilDone(work: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (this.stopped || (error instanceof MeilisearchApiError && error.response.status < 500)) throw error;
        this.logger.warn({ msg: 'Meilisearch is not reachable yet; retrying', err: error });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}

export function assertSucceeded(task: Task): Task {
  if (task.status !== 'succeeded') throw taskError(task);
  return task;
}

function taskError(task: Task): Error {
  return new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no detail'}`);
}
