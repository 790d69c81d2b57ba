import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EnqueuedTask } from 'meilisearch';
import { mondayOf, today } from '@coop/contracts';
import { AdvisoryLockSession, CoalescedRun } from '@coop/platform';
import { ProfessionalsConfig } from '../config.js';
import { professionalsDatabase } from '../database.js';
import { assertSucceeded, ProfessionalsIndex } from './professionals-index.js';
import { SearchDocumentBuilder } from './search-document.builder.js';

/**
 * Meilisearch writes queued at once. Meilisearch merges queued writes into one indexing batch,
 * which is far cheaper than many small ones: a bulk load should find many writes waiting.
 */
const MAX_IN_FLIGHT = 256;
const PURGE_EVERY_MS = 3_600_000;
const SHUTDOWN_WAIT_MS = 5_000;

interface InFlightWrite {
  seqs: string[];
  enqueued: Promise<EnqueuedTask>;
}

/**
 * Keeps the search index in step with Postgres. Every change queues ids in `index_queue` in its own
 * transaction; the queue's NOTIFY (sent at commit) wakes this indexer, which waits
 * SEARCH_FLUSH_DELAY_MS to gather more, then rewrites the documents of up to SEARCH_BATCH_SIZE
 * professionals per Meilisearch write, read fresh from Postgres. Writes are pipelined (Meilisearch
 * applies them in order) and a queue row is marked indexed only once its write succeeded, so a
 * crash or a Meilisearch outage loses nothing. One replica at a time writes (an advisory lock),
 * so an older document never overtakes a newer one.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  private readonly session: AdvisoryLockSession;
  private readonly inFlight: InFlightWrite[] = [];
  /** Highest queue row written in this flush; a row committed late below it waits for the next flush. */
  private watermark = '0';
  private readonly flushing = new CoalescedRun(() => this.flushPass());
  private delayTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private lastPurge = 0;
  private stopped = false;

  constructor(
    @Inject(ProfessionalsConfig) private readonly config: ProfessionalsConfig,
    private readonly index: ProfessionalsIndex,
    private readonly documents: SearchDocumentBuilder,
  ) {
    const schema = professionalsDatabase.schema;
    this.session = new AdvisoryLockSession({
      databaseUrl: config.DATABASE_URL,
      schema,
      lock: `search-indexer:${schema}`,
      channel: `${schema}_index`,
      onNotification: () => this.schedule(),
    });
  }

  onApplicationBootstrap(): void {
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.delayTimer);
    clearTimeout(this.sweepTimer);
    await Promise.race([this.flushing.current, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
    await this.session.release();
  }

  /** Flushes soon, gathering whatever else changes in the meantime. */
  schedule(): void {
    if (this.stopped || this.delayTimer) return;
    this.delayTimer = setTimeout(() => {
      this.delayTimer = undefined;
      void this.flush();
    }, this.config.SEARCH_FLUSH_DELAY_MS);
  }

  /** Writes every pending change to the index; resolves when the queue is empty or writing failed. */
  flush(): Promise<void> {
    return this.flushing.run();
  }

  private async flushPass(): Promise<boolean> {
    try {
      this.watermark = '0';
      if (!this.session.isHeld) return false;
      await this.index.whenReady();
      while (!this.stopped && (await this.writeBatch())) {
        /* until the queue is empty */
      }
      while (this.inFlight.length > 0) await this.settleOldest();
      // Rows whose transaction committed after later ones were read sit below the watermark.
      // (Nothing was read at all: no need to look again.)
      return !this.stopped && this.watermark !== '0' && (await this.hasPending());
    } catch (error) {
      // The rows stay pending; the next notification or sweep writes them again.
      this.inFlight.length = 0;
      this.logger.warn({ msg: 'search indexing failed; will retry', err: error });
      return false;
    }
  }

  /** Leadership, a fallback flush, and now and then a purge of old queue rows. */
  private async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      if (await this.session.tryAcquire()) {
        await this.flush();
        if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
          await this.session.query("DELETE FROM index_queue WHERE indexed_at IS NOT NULL AND created_at < now() - interval '1 day'");
          this.lastPurge = Date.now();
        }
      }
    } catch (error) {
      this.logger.warn({ msg: 'search indexer lost its database session; will retry', err: error });
      await this.session.release();
    }
    if (!this.stopped) this.sweepTimer = setTimeout(() => void this.sweep(), this.config.SEARCH_SWEEP_MS);
  }

  /** Queues one Meilisearch write for the next pending professionals; false when none are pending. */
  private async writeBatch(): Promise<boolean> {
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.settleOldest();
    const rows = await this.session.query<{ seq: string; professional_id: string }>(
      'SELECT seq, professional_id FROM index_queue WHERE indexed_at IS NULL AND seq > $1 ORDER BY seq LIMIT $2',
      [this.watermark, this.config.SEARCH_BATCH_SIZE],
    );
    if (rows.length === 0) return false;
    const seqs = rows.map((row) => row.seq);
    this.watermark = seqs[seqs.length - 1];
    const documents = await this.documents.forIds([...new Set(rows.map((row) => row.professional_id))], mondayOf(today(this.config.TIME_ZONE)));
    if (documents.length === 0) {
      await this.markIndexed(seqs);
      return true;
    }
    const enqueued = this.index.write(this.index.liveUid, documents);
    this.inFlight.push({ seqs, enqueued });
    await enqueued;
    return true;
  }

  private async settleOldest(): Promise<void> {
    const write = this.inFlight.shift()!;
    const task = await this.index.client.tasks.waitForTask((await write.enqueued).taskUid);
    assertSucceeded(task);
    await this.markIndexed(write.seqs);
  }

  private async hasPending(): Promise<boolean> {
    return (await this.session.query('SELECT 1 FROM index_queue WHERE indexed_at IS NULL LIMIT 1')).length > 0;
  }

  private async markIndexed(seqs: string[]): Promise<void> {
    await this.session.query('UPDATE index_queue SET indexed_at = now() WHERE seq = ANY($1::bigint[])', [seqs]);
  }
}
