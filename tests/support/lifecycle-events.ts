import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope } from '@coop/contracts';
import { ensureEventStream, namespacedSubject } from '@coop/platform';

/**
 * Emits lifecycle events the way their owners (members, matching) will once they exist: the
 * envelope their OutboxService records, published on the namespace's JetStream stream with the
 * event id as Nats-Msg-Id, as their outbox relay does. Payloads are checked against the contract.
 */
export class LifecycleEventEmitter {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly namespace: string,
  ) {}

  static async connect(natsUrl: string, namespace: string): Promise<LifecycleEventEmitter> {
    const nc = await connect({ servers: natsUrl });
    await ensureEventStream(nc, namespace);
    return new LifecycleEventEmitter(nc, jetstream(nc), namespace);
  }

  async emit<Payload extends object>(contract: EventContract<Payload>, data: Payload): Promise<EventEnvelope<Payload>> {
    const problems = validateSync(plainToInstance(contract.payload, data) as object, { forbidUnknownValues: true });
    if (problems.length > 0) throw new Error(`test event breaks ${contract.subject}: ${problems.map((p) => p.property).join(', ')}`);
    const envelope: EventEnvelope<Payload> = { id: randomUUID(), type: contract.subject, occurredAt: new Date().toISOString(), data };
    await this.js.publish(namespacedSubject(this.namespace, contract.subject), JSON.stringify(envelope), { msgID: envelope.id });
    return envelope;
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
