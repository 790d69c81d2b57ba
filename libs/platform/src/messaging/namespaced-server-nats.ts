import { Logger } from '@nestjs/common';
import { NatsOptions, ServerNats } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { namespacedSubject } from './subject-namespace.js';

type NatsServerOptions = NonNullable<NatsOptions['options']>;

/**
 * Nest's NATS server with three additions: subjects live under the environment's namespace,
 * every replica joins the service's queue group, and close() stops taking work then waits for the
 * handlers in flight instead of a fixed grace period.
 */
export class NamespacedServerNats extends ServerNats {
  private readonly shutdownLogger = new Logger(NamespacedServerNats.name);
  private readonly ownSubscriptions: Subscription[] = [];
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

  override bindEvents(client: NatsConnection): void {
    for (const [pattern, handler] of this.messageHandlers) {
      const queue = (handler.extras?.queue as string | undefined) ?? this.queueGroup;
      const handle = this.getMessageHandler(pattern);
      const subscription = client.subscribe(namespacedSubject(this.namespace, pattern), { queue, callback: handle.bind(this) });
      this.ownSubscriptions.push(subscription);
    }
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    this.inFlight += 1;
    try {
      return await super.handleMessage(channel, natsMsg);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  override async close(): Promise<void> {
    for (const subscription of this.ownSubscriptions.splice(0)) subscription.unsubscribe();
    await this.waitForInFlight();
    await super.close();
  }

  private async waitForInFlight(): Promise<void> {
    if (this.inFlight === 0) return;
    this.shutdownLogger.log({ msg: 'waiting for handlers in flight', inFlight: this.inFlight });
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, this.shutdownGraceMs).unref()),
    ]);
  }
}
