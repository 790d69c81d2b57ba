import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { EVENT_SUBJECT_ROOT, EventEnvelope } from '@coop/contracts';
import { KeyedWorkPool } from '../concurrency/keyed-work-pool.js';
import { ServiceConfig } from '../config/base-config.js';
import { withCorrelationId } from '../logging/correlation.js';
import { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { namespacedSubject } from '../messaging/subject-namespace.js';
import { EventArrivedEarly } from './event-arrived-early.js';
import { EventHandlerRegistry, RegisteredEventHandler } from './event-handler-registry.js';
import { ensureEventStream } from './jetstream-stream.js';
import { CONSUMER_NAME } from './tokens.js';

const ACK_WAIT_MS = 30_000;
const RETRY_DELAYS_MS = [500, 2_000, 10_000, 30_000, 60_000];

/** An event that has a handler and keeps to its contract, ready to be handled. */
interface AcceptedEvent {
  registered: RegisteredEventHandler;
  envelope: EventEnvelope;
  data: object;
}

/**
 * The service's durable JetStream consumer. Every replica pulls from the same durable consumer,
 * so each event goes to one of them. A replica handles up to EVENT_CONCURRENCY events at once;
 * events with the same order key (the contract's `orderKey`, e.g. one request) one after another,
 * in stream order. A handler runs in a transaction that also records the event id: a redelivered
 * event is acked without running again, a failed one is retried with backoff, and nothing is acked
 * before commit.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private handlers = new Map<string, RegisteredEventHandler>();
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;
  private readonly pool: KeyedWorkPool;

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(CONSUMER_NAME) private readonly consumerName: string,
    private readonly registry: EventHandlerRegistry,
    private readonly nats: NatsConnectionProvider,
    private readonly dataSource: DataSource,
  ) {
    this.pool = new KeyedWorkPool(config.EVENT_CONCURRENCY, (err, key) => this.logger.error({ msg: 'event processing failed', key, err }));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = this.registry.discover();
    if (this.handlers.size === 0) return;
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    // Stop pulling, then let the events in hand finish; unacked prefetched ones are redelivered.
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    await this.pool.drain();
  }

  private async start(): Promise<void> {
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.config.NATS_NAMESPACE);
    const jsm = await jetstreamManager(nc);
    const config = {
      durable_name: this.consumerName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: namespacedSubject(this.config.NATS_NAMESPACE, `${EVENT_SUBJECT_ROOT}.>`),
      ack_wait: nanos(ACK_WAIT_MS),
      max_deliver: -1,
    };
    await jsm.consumers.info(stream, this.consumerName).catch(() => jsm.consumers.add(stream, config));
    const consumer = await jetstream(nc).consumers.get(stream, this.consumerName);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
    this.logger.log({ msg: 'consuming events', consumer: this.consumerName, subjects: [...this.handlers.keys()] });
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      if (this.stopped) {
        message.nak();
        continue;
      }
      const event = await this.accept(message);
      if (event) await this.pool.submit(event.registered.contract.orderKey(event.data), () => this.process(message, event));
    }
  }

  /** The event to handle, or undefined when it was settled here (no handler, not JSON, breaks its contract). */
  private async accept(message: JsMsg): Promise<AcceptedEvent | undefined> {
    const subject = message.subject.slice(this.config.NATS_NAMESPACE.length + 1);
    const registered = this.handlers.get(subject);
    if (!registered) {
      message.ack();
      return undefined;
    }
    let envelope: EventEnvelope;
    try {
      envelope = message.json<EventEnvelope>();
    } catch {
      this.logger.error({ msg: 'dropping an event that is not JSON', subject });
      message.term();
      return undefined;
    }
    const data = plainToInstance(registered.contract.payload, envelope.data) as object;
    const problems = await validate(data);
    if (problems.length > 0) {
      this.logger.error({ msg: 'dropping an event that breaks its contract', subject, eventId: envelope.id, correlationId: envelope.correlationId });
      message.term();
      return undefined;
    }
    return { registered, envelope, data };
  }

  private async process(message: JsMsg, { registered, envelope, data }: AcceptedEvent): Promise<void> {
    await withCorrelationId(envelope.correlationId, async () => {
      try {
        const started = performance.now();
        await this.applyOnce(registered, data, envelope);
        message.ack();
        // One line per event handled, with the correlation id of the call that caused it (LOG_LEVEL=debug).
        this.logger.debug({ msg: 'event handled', subject: envelope.type, eventId: envelope.id, ms: Math.round((performance.now() - started) * 10) / 10 });
      } catch (error) {
        const attempt = message.info.deliveryCount;
        const delay = RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)];
        const log = { subject: envelope.type, eventId: envelope.id, attempt };
        if (error instanceof EventArrivedEarly) this.logger.log({ msg: 'event arrived before the one it follows; will retry', ...log, why: error.message });
        else this.logger.warn({ msg: 'event handler failed; will retry', ...log, err: error });
        message.nak(delay);
      }
    });
  }

  private async applyOnce(registered: RegisteredEventHandler, data: object, envelope: EventEnvelope): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        'INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [this.consumerName, envelope.id],
      );
      if (inserted.length === 0) return; // already applied: only the ack was lost
      await registered.handle(data, envelope, manager);
    });
  }
}
