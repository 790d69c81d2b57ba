import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@coop/contracts';
import { ServiceConfig } from '../config/base-config.js';
import { AdvisoryLockSession } from '../persistence/advisory-lock-session.js';
import { SERVICE_SCHEMA } from './tokens.js';

/** An outbox row not published yet. */
export interface PendingEvent {
  seq: string;
  id: string;
  subject: string;
  envelope: EventEnvelope;
}

/**
 * The outbox table as its publisher sees it, over one dedicated connection that holds the
 * publisher's advisory lock (one replica publishes at a time) and listens for the outbox's NOTIFY.
 */
@Injectable()
export class OutboxStore {
  private readonly session: AdvisoryLockSession;
  private readonly listeners: Array<() => void> = [];

  constructor(@Inject(ServiceConfig) config: ServiceConfig, @Inject(SERVICE_SCHEMA) schema: string) {
    this.session = new AdvisoryLockSession({
      databaseUrl: config.DATABASE_URL,
      schema,
      lock: `outbox:${schema}`,
      channel: `${schema}_outbox`,
      onNotification: () => this.listeners.forEach((listener) => listener()),
    });
  }

  /** Called when a transaction commits new outbox rows (while this replica is the publisher). */
  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Becomes the publisher if no replica is; true when this one is. */
  lead(): Promise<boolean> {
    return this.session.tryAcquire();
  }

  get leading(): boolean {
    return this.session.isHeld;
  }

  /** Stops being the publisher (another replica takes over). */
  release(): Promise<void> {
    return this.session.release();
  }

  /**
   * The oldest unpublished rows, in commit order; `published` (rows published since the last read)
   * are marked in the same statement, and not read again.
   */
  pending(limit: number, published: string[] = []): Promise<PendingEvent[]> {
    // The update's rows are not seen by the statement's own read: those it marks are left out by seq.
    return this.session.query<PendingEvent>(
      `WITH marked AS (UPDATE outbox_event SET published_at = now() WHERE seq = ANY($2::bigint[]) AND published_at IS NULL)
       SELECT seq, id, subject, envelope FROM outbox_event WHERE published_at IS NULL AND seq <> ALL($2::bigint[]) ORDER BY seq LIMIT $1`,
      [limit, published],
    );
  }

  async markPublished(seqs: string[]): Promise<void> {
    await this.session.query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[]) AND published_at IS NULL', [seqs]);
  }

  /** Deletes published events and records of handled ones older than `days`; how many of each. */
  async purge(days: number): Promise<{ outboxEvents: number; processedEvents: number }> {
    const outbox = await this.session.query<{ count: string }>(
      'WITH gone AS (DELETE FROM outbox_event WHERE published_at < now() - make_interval(days => $1::int) RETURNING 1) SELECT count(*) FROM gone',
      [String(days)],
    );
    const processed = await this.session.query<{ count: string }>(
      'WITH gone AS (DELETE FROM processed_event WHERE processed_at < now() - make_interval(days => $1::int) RETURNING 1) SELECT count(*) FROM gone',
      [String(days)],
    );
    return { outboxEvents: Number(outbox[0].count), processedEvents: Number(processed[0].count) };
  }
}
