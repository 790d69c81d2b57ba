import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import pg from 'pg';
import { CORRELATION_ID_HEADER, EventEnvelope } from '@coop/contracts';
import { ServiceConfig } from '../config/base-config.js';
import { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { namespacedSubject } from '../messaging/subject-namespace.js';
import { ensureEventStream } from './jetstream-stream.js';
import { SERVICE_SCHEMA } from './tokens.js';

const BATCH_SIZE = 200;
const LEADER_RETRY_MS = 2000;

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
 * It wakes on the outbox's NOTIFY, and polls as a fallback.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private client: pg.Client | undefined;
  private isLeader = false;
  private stopped = false;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private js: JetStreamClient | undefined;

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
    private readonly nats: NatsConnectionProvider,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Flush what is committed so nothing waits for the next replica.
    await this.drain().catch((error: unknown) => this.logger.warn({ msg: 'final outbox flush failed', err: error }));
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or publishing failed. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          if (!(await this.ensureLeader())) return;
          while (await this.publishBatch()) {
            /* keep going until the outbox is empty */
          }
        } while (this.drainAgain);
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.drain();
    } catch (error) {
      this.logger.warn({ msg: 'outbox relay will retry', err: error });
      await this.reset();
    }
    if (!this.stopped) {
      const wait = this.isLeader ? this.config.OUTBOX_POLL_MS : LEADER_RETRY_MS;
      this.timer = setTimeout(() => void this.tick(), wait);
    }
  }

  private async ensureLeader(): Promise<boolean> {
    if (this.isLeader && this.client) return true;
    const client = await this.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `outbox:${this.schema}`,
    ]);
    this.isLeader = rows[0].locked;
    if (this.isLeader) {
      await client.query(`LISTEN "${this.channel}"`);
      this.logger.log({ msg: 'outbox relay is the publisher', schema: this.schema });
    }
    return this.isLeader;
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, options: `-c search_path=${this.schema}` });
    client.on('notification', () => void this.drain().catch(() => undefined));
    // A dropped connection also drops the lock: give up leadership and start over.
    client.on('error', () => void this.reset());
    await client.connect();
    this.client = client;
    return client;
  }

  private async reset(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.isLeader = false;
    await client?.end().catch(() => undefined);
  }

  private async publishBatch(): Promise<boolean> {
    const client = this.client!;
    const { rows } = await client.query<PendingRow>(
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
        // Stop at the first failure so events leave in the order they were committed.
        this.logger.warn({ msg: 'publishing an outbox event failed', eventId: row.id, err: error });
        break;
      }
    }
    if (published.length > 0) {
      await client.query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [published]);
    }
    return published.length === rows.length;
  }

  private async jetstream(): Promise<JetStreamClient> {
    if (!this.js) {
      const nc = await this.nats.get();
      await ensureEventStream(nc, this.config.NATS_NAMESPACE);
      this.js = jetstream(nc);
    }
    return this.js;
  }

  private get channel(): string {
    return `${this.schema}_outbox`;
  }
}
