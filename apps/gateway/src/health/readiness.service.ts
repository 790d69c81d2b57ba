import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { SERVICE_NAMES, ServiceName, ServicePingResponse, servicePingRpc } from '@coop/contracts';
import { meilisearchCheck, NatsConnectionProvider, RpcClient } from '@coop/platform';
import { GatewayConfig } from '../config.js';

type Ping = { service: ServiceName; answer?: ServicePingResponse; error?: string };

/**
 * Asks every service whether it is ready (a NATS ping each service answers after checking its own
 * Postgres and Meilisearch), and checks NATS and Meilisearch from here. Postgres is "up" when every
 * service that answered reached it.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly rpc: RpcClient,
    private readonly nats: NatsConnectionProvider,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
  ) {}

  async checks(): Promise<Array<() => Promise<HealthIndicatorResult>>> {
    const pings = await Promise.all(SERVICE_NAMES.map((service) => this.ping(service)));
    return [
      ...pings.map((ping) => async () => this.serviceResult(ping)),
      async () => this.natsResult(),
      async () => this.postgresResult(pings),
      async () => this.meilisearchResult(pings),
    ];
  }

  private async ping(service: ServiceName): Promise<Ping> {
    try {
      const answer = await this.rpc.send(servicePingRpc(service), {}, { timeoutMs: this.config.READINESS_TIMEOUT_MS });
      return { service, answer };
    } catch (error) {
      return { service, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private serviceResult(ping: Ping): HealthIndicatorResult {
    const session = this.indicators.check(ping.service);
    if (!ping.answer) return session.down({ message: ping.error ?? 'no answer' });
    const down = Object.entries(ping.answer.dependencies).filter(([, status]) => status === 'down');
    return down.length === 0
      ? session.up({ instance: ping.answer.instance })
      : session.down({ instance: ping.answer.instance, message: `cannot reach ${down.map(([name]) => name).join(', ')}` });
  }

  private async natsResult(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('nats');
    return (await this.nats.isConnected()) ? session.up() : session.down({ message: 'not connected' });
  }

  private postgresResult(pings: Ping[]): HealthIndicatorResult {
    const session = this.indicators.check('postgres');
    const answered = pings.filter((ping) => ping.answer?.dependencies.postgres);
    if (answered.length === 0) return session.down({ message: 'no service answered to report on it' });
    const failing = answered.filter((ping) => ping.answer!.dependencies.postgres === 'down').map((ping) => ping.service);
    return failing.length === 0 ? session.up() : session.down({ message: `unreachable from ${failing.join(', ')}` });
  }

  private async meilisearchResult(pings: Ping[]): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('meilisearch');
    if (this.config.MEILI_URL) {
      return (await meilisearchCheck(this.config.MEILI_URL).isUp()) ? session.up() : session.down({ message: 'not available' });
    }
    const reports = pings.map((ping) => ping.answer?.dependencies.meilisearch).filter(Boolean);
    if (reports.length === 0) return session.down({ message: 'no service answered to report on it' });
    return reports.every((status) => status === 'up') ? session.up() : session.down({ message: 'unreachable from a service' });
  }
}
