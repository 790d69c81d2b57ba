import { Logger } from '@nestjs/common';
import { NatsContext, NatsOptions, ServerNats } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { ErrorCode } from '@coop/contracts';
import { namespacedSubject } from './subject-namespace.js';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

/**
 * Nest's NATS server with five additions: subjects live under the environment's namespace,
 * every replica joins the service's queue group, listen() resolves only once the NATS server has
 * registered every subscription, an answer NATS refuses (too large) becomes an error the caller
 * gets at once, and close() stops taking work then waits for the handlers in flight instead of a
 * fixed grace period.
 */
export class NamespacedServerNats extends ServerNats {
  private readonly log = new Logger(NamespacedServerNats.name);
  private readonly ownSubscriptions: Subscription[] = [];
  private connection: NatsConnection | undefined;
  private readonly awaitingReply = new Map<Msg, () => void>();
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(
    private readonly namespace: string,
    private readonly queueGroup: string,
    options: NatsServerOptions,
    private readonly shutdownGraceMs: number,
  ) {
    super({ ...options, queue: queueGroup, gracefulShutdown: false });
  }

  // Nest calls back as soon as the SUB commands are queued: a request sent right then (the
  // gateway, just after a restart) would find no responder. A flush round trip means the server
  // has processed them.
  override start(callback: (err?: unknown, ...optionalParams: unknown[]) => void): void {
    super.start((err?: unknown) => {
      if (err) return callback(err);
      this.connection!.flush().then(() => callback(), callback);
    });
  }

  override bindEvents(client: NatsConnection): void {
    this.connection = client;
    for (const [pattern, handler] of this.messageHandlers) {
      const queue = (handler.extras?.queue as string | undefined) ?? this.queueGroup;
      const handle = this.getMessageHandler(pattern);
      const subscription = client.subscribe(namespacedSubject(this.namespace, pattern), { queue, callback: handle.bind(this) });
      this.ownSubscriptions.push(subscription);
    }
  }

  // In flight = from receipt until the final reply is published (Nest resolves handleMessage
  // earlier, when the reply stream is merely set up).
  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    this.inFlight += 1;
    const replied = natsMsg.reply ? new Promise<void>((resolve) => this.awaitingReply.set(natsMsg, resolve)) : undefined;
    try {
      const result = await super.handleMessage(channel, natsMsg);
      await replied;
      return result;
    } finally {
      this.awaitingReply.delete(natsMsg);
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx) as (response: unknown) => unknown;
    return (response) => {
      try {
        return publish(response);
      } catch (error) {
        // NATS refuses an answer above its max_payload: tell the caller now rather than let it wait
        // for its timeout.
        this.log.error({ msg: 'the answer could not be sent', subject: natsMsg.subject, err: error });
        return publish({ err: { code: ErrorCode.Internal, message: 'The answer could not be sent' }, isDisposed: true });
      } finally {
        if ((response as { isDisposed?: boolean }).isDisposed) this.awaitingReply.get(natsMsg)?.();
      }
    };
  }

  override async close(): Promise<void> {
    // Drain rather than unsubscribe: requests already delivered to this replica are still handled.
    await Promise.all(this.ownSubscriptions.splice(0).map((subscription) => subscription.drain().catch(() => undefined)));
    await this.waitForInFlight();
    await super.close();
  }

  private async waitForInFlight(): Promise<void> {
    if (this.inFlight === 0) return;
    this.log.log({ msg: 'waiting for handlers in flight', inFlight: this.inFlight });
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, this.shutdownGraceMs).unref()),
    ]);
  }
}
