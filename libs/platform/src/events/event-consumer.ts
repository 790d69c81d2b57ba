import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EVENT_SUBJECT_ROOT, EventEnvelope } from '@coop/contracts';
import { KeyedWorkPool } from '../concurrency/keyed-work-pool.js';
import { ServiceConfig } from '../config/base-config.js';
import { withCorrelationId } from '../logging/correlation.js';
import { msSince } from '../logging/log-ms.js';
import { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { namespacedSubject } from '../messaging/subject-namespace.js';
import { Transactions } from '../persistence/transactions.js';
import { EventArrivedEarly } from './event-arrived-early.js';
import { EventHandlerRegistry, RegisteredEventHandler } from './event-handler-registry.js';
import type { EventDelivery } from './on-event.decorator.js';
import { ensureEventStream } from './jetstream-stream.js';
import { ProcessedEvents } from './processed-events.js';
import { CONSUMER_NAME } from './tokens.js';

/** How long a pull for events waits on the server before the client pulls again (its heartbeats come twice as often). */
const PULL_EXPIRES_MS = 5_000;
const RESUME_DELAY_MS = 1_000;
const TROUBLE = new Set(['heartbeats_missed', 'consumer_not_found', 'stream_not_found', 'consumer_deleted', 'no_responders']);

/**
 * How long to wait before the n-th retry of an event (n = the delivery that failed). Short for the
 * first couple of minutes, so an event that failed because a service, Postgres or Meilisearch was
 * restarting goes through within seconds of its return; then longer, so an event that keeps failing
 * for another reason does not flood the log.
 */
export function retryDelayMs(failedDelivery: number): number {
  const first = [250, 500, 1_000, 2_000];
  if (failedDelivery <= first.length) return first[Math.max(failedDelivery, 1) - 1];
  if (failedDelivery <= 40) return 3_000;
  return failedDelivery <= 50 ? 15_000 : 60_000;
}

/** An event that has a handler and keeps to its contract, ready to be handled. */
interface AcceptedEvent {
  registered: RegisteredEventHandler;
  envelope: EventEnvelope<object>;
  data: object;
}

/**
 * The service's durable JetStream consumer. Every replica pulls from the same durable consumer,
 * so each event goes to one of them. A replica handles up to EVENT_CONCURRENCY events at once;
 * events with the same order key (the contract's `orderKey`, e.g. one request) one after another,
 * in stream order. A handler runs in a transaction that also records the event id: a redelivered
 * event is acked without running again, a failed one is retried with backoff, and nothing is acked
 * before commit. Events in hand are kept alive with progress acks, so the ack wait
 * (EVENT_ACK_WAIT_MS) can be a few seconds: that is how long a dead replica's events wait.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private discovered: Map<string, RegisteredEventHandler> | undefined;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;
  private readonly pool: KeyedWorkPool;
  /** Events received and not yet settled (queued behind their order key, or being handled), and when JetStream last heard of each. */
  private readonly inHand = new Map<JsMsg, number>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    @Inject(CONSUMER_NAME) private readonly consumerName: string,
    private readonly registry: EventHandlerRegistry,
    private readonly nats: NatsConnectionProvider,
    private readonly transactions: Transactions,
    private readonly processed: ProcessedEvents,
  ) {
    this.pool = new KeyedWorkPool(config.EVENT_CONCURRENCY, (err, key) => this.logger.error({ msg: 'event processing failed', key, err }));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.handlers.size === 0) return;
    await this.start();
  }

  /** The app's `@OnEvent` handlers, by subject (found once the app is wired). */
  private get handlers(): Map<string, RegisteredEventHandler> {
    this.discovered ??= this.registry.discover();
    return this.discovered;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    // Stop pulling, then let the events in hand finish; unacked prefetched ones are redelivered.
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    await this.idle();
    clearInterval(this.heartbeat);
  }

  /** Resolves when every event received so far is settled (acked, retried or dropped). */
  idle(): Promise<void> {
    return this.pool.drain();
  }

  private async start(): Promise<void> {
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.config.NATS_NAMESPACE, this.config.EVENT_STREAM_REPLICAS);
    const jsm = await jetstreamManager(nc);
    const config = {
      durable_name: this.consumerName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: namespacedSubject(this.config.NATS_NAMESPACE, `${EVENT_SUBJECT_ROOT}.>`),
      ack_wait: nanos(this.config.EVENT_ACK_WAIT_MS),
      max_deliver: -1,
    };
    const existing = await jsm.consumers.info(stream, this.consumerName).catch(() => undefined);
    if (!existing) await jsm.consumers.add(stream, config).catch(() => jsm.consumers.info(stream, this.consumerName));
    else if (existing.config.ack_wait !== config.ack_wait) await jsm.consumers.update(stream, this.consumerName, { ack_wait: config.ack_wait });
    const consumer = await jetstream(nc).consumers.get(stream, this.consumerName);
    // Short pulls: a pull the server never answered (a cluster electing the consumer's leader, a
    // node restarting) is noticed by its missing heartbeats within seconds, and pulled again.
    // A consumer or stream that is gone (a NATS store lost) ends the consumption: it is then made again.
    const messages = await consumer.consume({ max_messages: 64, expires: PULL_EXPIRES_MS, abort_on_missing_resource: true });
    this.messages = messages;
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.keepInHandAlive(), this.config.EVENT_ACK_WAIT_MS / 4);
    this.heartbeat.unref();
    void this.reportTrouble(messages);
    this.loop = this.run(messages).then(
      () => this.resumeUnlessStopped(),
      (error: unknown) => this.resumeUnlessStopped(error),
    );
    this.logger.log({ msg: 'consuming events', consumer: this.consumerName, subjects: [...this.handlers.keys()] });
  }

  /** What the client library notices about the pulls (missed heartbeats, consumer not found…), logged. */
  private async reportTrouble(messages: ConsumerMessages): Promise<void> {
    for await (const notice of messages.status()) {
      if (TROUBLE.has(notice.type)) this.logger.warn({ msg: 'event consumer trouble; the client pulls again', consumer: this.consumerName, notice });
    }
  }

  /** The library ends a consumption it cannot recover: start a new one rather than stop consuming for good. */
  private async resumeUnlessStopped(error?: unknown): Promise<void> {
    if (this.stopped) return;
    this.logger.warn({ msg: 'event consumption ended; starting it again', consumer: this.consumerName, err: error });
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, RESUME_DELAY_MS));
      if (this.stopped) return;
      try {
        await this.start();
        return;
      } catch (err) {
        this.logger.warn({ msg: 'event consumption could not start again; will retry', consumer: this.consumerName, err });
      }
    }
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      if (this.stopped) {
        message.nak();
        continue;
      }
      await this.receive(message);
    }
  }

  /**
   * Takes one event: settles it at once when it cannot be handled (no handler here, not JSON, breaks
   * its contract), else queues it behind the events of its order key. Resolves once it is queued.
   */
  async receive(message: JsMsg): Promise<void> {
    const event = await this.accept(message);
    if (!event) return;
    this.inHand.set(message, Date.now());
    await this.pool.submit(event.registered.contract.orderKey(event.data), () => this.process(message, event).finally(() => this.inHand.delete(message)));
  }

  /**
   * Tells JetStream that the events in hand are being worked on, so that it redelivers them only
   * when this replica is gone: the ack wait can then be short, and a crash costs seconds, not the
   * time a slow handler may legitimately take.
   */
  private keepInHandAlive(): void {
    const now = Date.now();
    for (const [message, touched] of this.inHand) {
      if (now - touched < this.config.EVENT_ACK_WAIT_MS / 4) continue;
      message.working();
      this.inHand.set(message, now);
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
    let envelope: EventEnvelope<object>;
    try {
      envelope = message.json<EventEnvelope<object>>();
    } catch {
      this.logger.error({ msg: 'dropping an event that is not JSON', subject });
      message.term();
      return undefined;
    }
    // An event the handler passes over (its `when`) is let go before the cost of validating it.
    if (registered.when && typeof envelope.data === 'object' && envelope.data !== null && !registered.when(envelope.data)) {
      message.ack();
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
        await this.applyOnce(registered, data, envelope, { attempt: message.info.deliveryCount });
        message.ack();
        // One line per event handled, with the correlation id of the call that caused it (LOG_LEVEL=debug).
        this.logger.debug({ msg: 'event handled', subject: envelope.type, eventId: envelope.id, ms: msSince(started) });
      } catch (error) {
        const attempt = message.info.deliveryCount;
        const delay = retryDelayMs(attempt);
        const log = { subject: envelope.type, eventId: envelope.id, attempt };
        if (error instanceof EventArrivedEarly) this.logger.log({ msg: 'event arrived before the one it follows; will retry', ...log, why: error.message });
        else this.logger.warn({ msg: 'event handler failed; will retry', ...log, err: error });
        message.nak(delay);
      }
    });
  }

  private async applyOnce(registered: RegisteredEventHandler, data: object, envelope: EventEnvelope<object>, delivery: EventDelivery): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (!(await this.processed.markHandled(manager, this.consumerName, envelope.id))) return; // already applied: only the ack was lost
      await registered.handle(data, envelope, manager, delivery);
    });
  }
}
