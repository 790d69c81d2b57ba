import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ServiceConfig } from '../config/base-config.js';
import { CoalescedRun } from '../concurrency/coalesced-run.js';
import { EventPublisher } from './event-publisher.js';
import { OutboxStore } from './outbox-store.js';
import { SERVICE_SCHEMA } from './tokens.js';

/** Outbox rows read and published per pass. */
export const OUTBOX_BATCH_SIZE = 200;
const LEADER_RETRY_MS = 2000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Publishes committed outbox rows to JetStream, in order, with the event id as `Nats-Msg-Id` so a
 * row published twice (crash between publish and mark) is dropped by the stream's deduplication
 * (and a consumer handles an event id once in any case). Rows published are marked with the next
 * read of the outbox, in the same statement: the next pass, at the latest the next poll
 * (OUTBOX_POLL_MS), or on shutdown.
 * One replica at a time is the publisher (a Postgres advisory lock); the others wait to take over.
 * It wakes on the outbox's NOTIFY, and polls as a fallback. The publisher also deletes, hourly,
 * published rows and records of handled events older than EVENT_RETENTION_DAYS.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private readonly draining = new CoalescedRun(() => this.drainPass());
  private timer: NodeJS.Timeout | undefined;
  private lastPurge = 0;
  /** Published, not yet marked (the next read marks them). */
  private published: string[] = [];

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
    private readonly outbox: OutboxStore,
    private readonly publisher: EventPublisher,
  ) {
    outbox.onCommitted(() => void this.drain().catch(() => undefined));
  }

  onApplicationBootstrap(): void {
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Flush what is committed so nothing waits for the next replica.
    await this.drain().catch((error: unknown) => this.logger.warn({ msg: 'final outbox flush failed', err: error }));
    await this.markPublished().catch((error: unknown) => this.logger.warn({ msg: 'marking the last events published failed (they will be published again, and dropped as duplicates)', err: error }));
    await this.outbox.release();
  }

  /** Publishes everything pending now; resolves when the outbox is empty or publishing failed. */
  drain(): Promise<void> {
    return this.draining.run();
  }

  private async drainPass(): Promise<void> {
    if (!(await this.ensureLeader())) return;
    while (await this.publishBatch()) {
      /* keep going until the outbox is empty */
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.drain();
      if (this.outbox.leading && Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purgeExpired();
    } catch (error) {
      this.logger.warn({ msg: 'outbox relay will retry', err: error });
      await this.outbox.release();
    }
    if (!this.stopped) {
      const wait = this.outbox.leading ? this.config.OUTBOX_POLL_MS : LEADER_RETRY_MS;
      this.timer = setTimeout(() => void this.tick(), wait);
    }
  }

  /** Deletes published events and records of handled ones older than EVENT_RETENTION_DAYS (the publisher only). */
  async purgeExpired(): Promise<{ outboxEvents: number; processedEvents: number }> {
    if (!(await this.ensureLeader())) return { outboxEvents: 0, processedEvents: 0 };
    const purged = await this.outbox.purge(this.config.EVENT_RETENTION_DAYS);
    this.lastPurge = Date.now();
    return purged;
  }

  private async ensureLeader(): Promise<boolean> {
    const wasLeader = this.outbox.leading;
    const isLeader = await this.outbox.lead();
    if (isLeader && !wasLeader) this.logger.log({ msg: 'outbox relay is the publisher', schema: this.schema });
    return isLeader;
  }

  /**
   * Publishes one batch; true when all of it went out and it was full (there may be more). A batch
   * that was not full was everything committed when it was read; a later commit's NOTIFY asks for
   * another pass (CoalescedRun), so there is no need to read again to find the outbox empty.
   */
  private async publishBatch(): Promise<boolean> {
    const rows = await this.outbox.pending(OUTBOX_BATCH_SIZE, this.published);
    this.published = [];
    if (rows.length === 0) return false;
    await this.publisher.ready();
    for (const row of rows) {
      try {
        await this.publisher.publish(row.subject, row.envelope, row.id);
        this.published.push(row.seq);
      } catch (error) {
        // Stop at the first failure so events leave in the order they were committed.
        this.logger.warn({ msg: 'publishing an outbox event failed', eventId: row.id, err: error });
        return false;
      }
    }
    return rows.length === OUTBOX_BATCH_SIZE;
  }

  /** Marks what was published since the last read (on shutdown, when no read follows). */
  private async markPublished(): Promise<void> {
    if (this.published.length === 0 || !this.outbox.leading) return;
    await this.outbox.markPublished(this.published);
    this.published = [];
  }
}
