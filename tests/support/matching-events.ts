import { jetstream } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope } from '@coop/contracts';
import { ensureEventStream, namespacedSubject } from '@coop/platform';
import type { TestStack } from './test-stack.js';

/**
 * Publishes lifecycle events on the stack's stream exactly as the matching service's outbox relay
 * would (envelope, event id as Nats-Msg-Id), until matching exists to emit them itself.
 */
export class MatchingEventsPublisher {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
  ) {}

  static async connect(stack: TestStack): Promise<MatchingEventsPublisher> {
    const nc = await connect({ servers: stack.env.NATS_URL });
    await ensureEventStream(nc, stack.environment.namespace);
    return new MatchingEventsPublisher(nc, stack.environment.namespace);
  }

  /** Publishes the event and returns its envelope (publish it again to simulate a redelivery). */
  async publish<Payload extends object>(contract: EventContract<Payload>, data: Payload): Promise<EventEnvelope<Payload>> {
    const envelope: EventEnvelope<Payload> = { id: randomUUID(), type: contract.subject, occurredAt: new Date().toISOString(), data };
    await this.republish(envelope);
    return envelope;
  }

  /** Sends an envelope again past JetStream's duplicate window, as a redelivery after a lost ack would. */
  async republish(envelope: EventEnvelope, msgId = envelope.id): Promise<void> {
    await jetstream(this.nc).publish(namespacedSubject(this.namespace, envelope.type), JSON.stringify(envelope), { msgID: msgId });
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
