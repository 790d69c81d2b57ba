// The fault suite's view of the event stream's durable consumers (one per service): how many events
// they have yet to handle, and where each stands, read over a NATS connection of the suite's own
// that keeps reconnecting while a NATS node is down.
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { natsServers } from '@coop/platform';

export class EventBacklog {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
  ) {}

  static async open(natsUrl: string, stream: string): Promise<EventBacklog> {
    const nc = await connect({ servers: natsServers(natsUrl), maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    return new EventBacklog(nc, await jetstreamManager(nc, { timeout: 2_000 }), stream);
  }

  /** Events pending or unacknowledged at every consumer, summed; throws when NATS cannot say. */
  async unhandled(): Promise<number> {
    let total = 0;
    for await (const consumer of this.jsm.consumers.list(this.stream)) total += consumer.num_pending + consumer.num_ack_pending;
    return total;
  }

  /** Where each consumer stands (for a run that did not settle). */
  async describe(): Promise<string> {
    const lines: string[] = [];
    for await (const consumer of this.jsm.consumers.list(this.stream)) {
      lines.push(
        `${consumer.name}: delivered ${consumer.delivered.stream_seq}, acked ${consumer.ack_floor.stream_seq}, pending ${consumer.num_pending}, unacked ${consumer.num_ack_pending}, waiting pulls ${consumer.num_waiting}, leader ${consumer.cluster?.leader ?? '-'}`,
      );
    }
    return lines.join('; ');
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
