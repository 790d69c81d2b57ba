import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { BaseConfig, natsServers } from '../config/base-config.js';

/**
 * The process's own NATS connection for outgoing requests and JetStream. (Nest's server keeps a
 * separate one for incoming requests, so draining the server does not cut our outgoing calls.)
 */
@Injectable()
export class NatsConnectionProvider implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionProvider.name);
  private connection: Promise<NatsConnection> | undefined;

  constructor(@Inject(BaseConfig) private readonly config: BaseConfig) {}

  get(): Promise<NatsConnection> {
    this.connection ??= connect({
      servers: natsServers(this.config.NATS_URL),
      name: this.config.INSTANCE_ID,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // The client would make an Error (a stack trace) ahead of every request, in case it fails;
      // RpcClient turns a failure into its own error, which says which call failed.
      noAsyncTraces: true,
    }).catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  /** Whether the connection is open right now (for readiness). */
  async isConnected(): Promise<boolean> {
    if (!this.connection) return false;
    const nc = await this.connection.catch(() => undefined);
    return !!nc && !nc.isClosed() && !nc.isDraining();
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = await this.connection?.catch(() => undefined);
    if (nc && !nc.isClosed()) {
      await nc.drain().catch((error: unknown) => this.logger.warn({ msg: 'NATS drain failed', err: error }));
    }
  }
}
