import { Inject, Injectable } from '@nestjs/common';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { CORRELATION_ID_HEADER, EventEnvelope } from '@coop/contracts';
import { ServiceConfig } from '../config/base-config.js';
import { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { namespacedSubject } from '../messaging/subject-namespace.js';
import { ensureEventStream } from './jetstream-stream.js';

/** Publishes events on the service's JetStream stream (made when missing). */
@Injectable()
export class EventPublisher {
  private js: JetStreamClient | undefined;

  constructor(
    @Inject(ServiceConfig) private readonly config: ServiceConfig,
    private readonly nats: NatsConnectionProvider,
  ) {}

  /** Connects, and makes the stream when it is missing; throws when NATS cannot be reached. */
  async ready(): Promise<void> {
    await this.jetstream();
  }

  /** Publishes with `msgId` as `Nats-Msg-Id`: the stream drops a second publish of it. */
  async publish(subject: string, envelope: EventEnvelope, msgId: string): Promise<void> {
    const headers = natsHeaders();
    if (envelope.correlationId) headers.set(CORRELATION_ID_HEADER, envelope.correlationId);
    try {
      const js = await this.jetstream();
      await js.publish(namespacedSubject(this.config.NATS_NAMESPACE, subject), JSON.stringify(envelope), { msgID: msgId, headers });
    } catch (error) {
      // The next publish makes sure the stream exists again (a NATS that lost its store has none).
      this.js = undefined;
      throw error;
    }
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
