import { Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { logMs } from '@coop/platform';

/** The gateway's Prometheus registry (one per app instance, so tests can run several). */
@Injectable()
export class GatewayMetrics {
  private readonly logger = new Logger('Http');
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Times every request, labelled by its route pattern (never the raw URL: ids would explode it),
   * and writes one access log line with the correlation id.
   */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      this.logger.log({
        msg: 'http request',
        method: request.method,
        route,
        status: reply.statusCode,
        ms: logMs(reply.elapsedTime),
        correlationId: request.correlationId,
      });
    });
  }
}
