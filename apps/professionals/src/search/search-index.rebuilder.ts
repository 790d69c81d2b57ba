import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode, formatDay, mondayOf, parseDay, RebuildIndexResult, today } from '@coop/contracts';
import { AdvisoryLockSession } from '@coop/platform';
import { ProfessionalsConfig } from '../config.js';
import { professionalsDatabase } from '../database.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { SearchIndexStateEntity } from './index-state.entity.js';
import { assertSucceeded, ProfessionalsIndex } from './professionals-index.js';
import { SearchDocumentBuilder } from './search-document.builder.js';

const REBUILD_BATCH = 1_000;
const MAX_AGE_MS = 24 * 3_600_000;

/**
 * Rebuilds the index from Postgres with no downtime: fills `<index>_next` (settings first), swaps
 * it with the live index, drops the old one. Changes committed while it read Postgres are queued
 * again afterwards, so the new index misses nothing. Runs on `npm run reindex`, at start-up when
 * the index's weeks are stale (a new ISO week began) or Meilisearch holds no document while
 * Postgres has professionals (its data was lost) or its documents lack a field of the current shape
 * (an upgrade), and when it is a day old (checked every
 * SEARCH_REBUILD_CHECK_MS). One rebuild at a time across replicas (an advisory lock).
 */
@Injectable()
export class SearchIndexRebuilder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchIndexRebuilder.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(ProfessionalsConfig) private readonly config: ProfessionalsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: ProfessionalsIndex,
    private readonly documents: SearchDocumentBuilder,
  ) {}

  /** Decides from Postgres before the service takes requests; a rebuild, if needed, runs in the background. */
  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.isStale().catch(() => true);
    if (stale) this.running = this.rebuildQuietly();
    this.timer = setInterval(() => void this.refreshIfStale(), this.config.SEARCH_REBUILD_CHECK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Rebuilds when the index starts on an earlier week than this one, or is older than a day. */
  async refreshIfStale(): Promise<void> {
    if (await this.isStale().catch(() => true)) {
      this.running = this.rebuildQuietly();
      await this.running;
    }
  }

  private async isStale(): Promise<boolean> {
    const state = await this.dataSource.getRepository(SearchIndexStateEntity).findOneBy({ name: this.index.liveUid });
    const hasProfessionals = await this.dataSource.getRepository(ProfessionalEntity).exists();
    if (!state && !hasProfessionals) {
      // A new, empty service: nothing to rebuild; the indexer writes each change as it comes.
      await this.saveState(mondayOf(today(this.config.TIME_ZONE)));
      return false;
    }
    // Meilisearch lost its data (a new instance, a lost volume) while Postgres kept the professionals.
    if (hasProfessionals && (await this.index.liveDocumentCount()) === 0) return true;
    // Written by an earlier version, without a field the current documents have.
    if (hasProfessionals && !(await this.index.holdsCurrentDocuments())) return true;
    return !state || parseDay(state.horizonStart) !== mondayOf(today(this.config.TIME_ZONE)) || Date.now() - state.rebuiltAt.getTime() > MAX_AGE_MS;
  }

  private async rebuildQuietly(): Promise<void> {
    try {
      await this.rebuild({ skipIfRunning: true });
    } catch (error) {
      this.logger.warn({ msg: 'search index rebuild failed; will retry at the next check', err: error });
    }
  }

  async rebuild(options: { skipIfRunning?: boolean } = {}): Promise<RebuildIndexResult | undefined> {
    const schema = professionalsDatabase.schema;
    const lock = new AdvisoryLockSession({ databaseUrl: this.config.DATABASE_URL, schema, lock: `search-rebuild:${schema}` });
    try {
      if (!(await lock.tryAcquire())) {
        if (options.skipIfRunning) return undefined;
        throw new DomainException(ErrorCode.Conflict, 'The search index is being rebuilt already; try again when it is done');
      }
      const started = Date.now();
      const [{ now: since }] = await lock.query<{ now: Date }>('SELECT now() AS now');
      const horizonStart = mondayOf(today(this.config.TIME_ZONE));
      await this.index.whenReady();
      await this.index.deleteIfExists(this.index.nextUid);
      await this.index.prepare(this.index.nextUid);
      const taskUids: number[] = [];
      let count = 0;
      for await (const batch of this.documents.all(horizonStart, REBUILD_BATCH)) {
        taskUids.push((await this.index.write(this.index.nextUid, batch)).taskUid);
        count += batch.length;
      }
      for (const task of await this.index.client.tasks.waitForTasks(taskUids)) assertSucceeded(task);
      await this.index.swapInNext();
      await this.index.deleteIfExists(this.index.nextUid);
      await this.saveState(horizonStart);
      // Whatever changed since the rebuild began may be missing from it: write those again.
      await lock.query('INSERT INTO index_queue (professional_id) SELECT DISTINCT professional_id FROM index_queue WHERE created_at >= $1', [since]);
      const result = { index: this.index.liveUid, documents: count, horizonStart: formatDay(horizonStart), tookMs: Date.now() - started };
      this.logger.log({ msg: 'search index rebuilt', ...result });
      return result;
    } finally {
      await lock.release();
    }
  }

  private async saveState(horizonStart: number): Promise<void> {
    await this.dataSource
      .getRepository(SearchIndexStateEntity)
      .upsert({ name: this.index.liveUid, horizonStart: formatDay(horizonStart), rebuiltAt: new Date() }, ['name']);
  }
}
