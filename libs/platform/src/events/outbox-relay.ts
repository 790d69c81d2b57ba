import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { CORRELATION_ID_HEADER, EventEnvelope } from '@coop/contracts';
import { ServiceConfig } from '../config/base-config.js';
import { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { namespacedSubject } from '../messaging/subject-namespace.js';
import { CoalescedRun } from '../concurrency/coalesced-run.js';
import { AdvisoryLockSession } from '../persistence/advisory-lock-session.js';
import { ensureEventStream } from './jetstream-stream.js';
import { SERVICE_SCHEMA } from './tokens.js';

const BATCH_SIZE = 200;
const LEADER_RETRY_MS = 2000;
const PURGE_EVERY_MS = 3_600_000;

interface PendingRow {
  seq: string;
  id: string;
  subject: string;
  envelope: EventEnvelope;
}

/**
 * Publishes committed outbox rows to JetStream, in order, with the event id as `Nats-Msg-Id` so a
 * row published twice (crash between publish and mark) is dropped by the stream's deduplication.
 * One replica at a time is the publisher (a Postgres advisory lock); the others wait to take over.
 * It wakes on the outbox's NOTIFY, and polls as a fallback. The publisher also deletes, hourly,
 * published rows and records of handled events older than EVENT_RETENTION_DAYS.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly session: AdvisoryLockSession;
  private stopped = false;
  private readonly draining = new CoalescedRun(() => this.drainPass());
  private timer: NodeJS.Timeout | undefined;
  private js: JetStreamClient | undefined;
  private lastPurge = 0;

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
    private readonly nats: NatsConnectionProvider,
  ) {
    this.session = new AdvisoryLockSession({
      databaseUrl: config.DATABASE_URL,
      schema,
      lock: `outbox:${schema}`,
      channel: `${schema}_outbox`,
      onNotification: () => void this.drain().catch(() => undefined),
    });
  }

  onApplicationBootstrap(): void {
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Flush what is committed so nothing waits for the next replica.
    await this.drain().catch((error: unknown) => this.logger.warn({ msg: 'final outbox flush failed', err: error }));
    await this.session.release();
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
      if (this.session.isHeld && Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purgeExpired();
    } catch (error) {
      this.logger.warn({ msg: 'outbox relay will retry', err: error });
      await this.session.release();
    }
    if (!this.stopped) {
      const wait = this.session.isHeld ? this.config.OUTBOX_POLL_MS : LEADER_RETRY_MS;
      this.timer = setTimeout(() => void this.tick(), wait);
    }
  }

  /** Deletes published events and records of handled ones older than EVENT_RETENTION_DAYS (the publisher only). */
  async purgeExpired(): Promise<{ outboxEvents: number; processedEvents: number }> {
    if (!(await this.ensureLeader())) return { outboxEvents: 0, processedEvents: 0 };
    const days = String(this.config.EVENT_RETENTION_DAYS);
    const outbox = await this.session.query<{ count: string }>(
      "WITH gone AS (DELETE FROM outbox_event WHERE published_at < now() - make_interval(days => $1::int) RETURNING 1) SELECT count(*) FROM gone",
      [days],
    );
    const processed = await this.session.query<{ count: string }>(
      "WITH gone AS (DELETE FROM processed_event WHERE processed_at < now() - make_interval(days => $1::int) RETURNING 1) SELECT count(*) FROM gone",
      [days],
    );
    this.lastPurge = Date.now();
    return { outboxEvents: Number(outbox[0].count), processedEvents: Number(processed[0].count) };
  }

  private async ensureLeader(): Promise<boolean> {
    const wasLeader = this.session.isHeld;
    const isLeader = await this.session.tryAcquire();
    if (isLeader && !wasLeader) this.logger.log({ msg: 'outbox relay is the publisher', schema: this.schema });
    return isLeader;
  }

  private async publishBatch(): Promise<boolean> {
    const rows = await this.session.query<PendingRow>(
      'SELECT seq, id, subject, envelope FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1',
      [BATCH_SIZE],
    );
    if (rows.length === 0) return false;
    const js = await this.jetstream();
    const published: string[] = [];
    for (const row of rows) {
      const headers = natsHeaders();
      if (row.envelope.correlationId) headers.set(CORRELATION_ID_HEADER, row.envelope.correlationId);
      try {
        await js.publish(namespacedSubject(this.config.NATS_NAMESPACE, row.subject), JSON.stringify(row.envelope), {
          msgID: row.id,
          headers,
        });
        published.push(row.seq);
      } catch (error) {
        // Stop at the first failure so events leave in the order they were committed; the next
        // pass makes sure the stream exists again (a NATS that lost its store has none).
        this.logger.warn({ msg: 'publishing an outbox event failed', eventId: row.id, err: error });
        this.js = undefined;
        break;
      }
    }
    if (published.length > 0) {
      await this.session.query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [published]);
    }
    return published.length === rows.length;
  }

  private async jetstream(): Promise<JetStreamClient> {
    if (!this.js) {
      const nc = await this.nats.get();
      await ensureEventStream(nc, this.config.NATS_NAMESPACE, this.config.EVENT_STREAM_REPLICAS);
      this.js = jetstream(nc);
    }
    return this.js;
  }
}
