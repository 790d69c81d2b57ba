import { DynamicModule, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceName } from '@coop/contracts';
import { natsServers, ServiceConfig } from '../config/base-config.js';
import { loadConfig } from '../config/load-config.js';
import { RpcErrorFilter } from '../errors/rpc-exception.filter.js';
import { createValidationPipe } from '../errors/validation.pipe.js';
import { JsonLogger, createRootLogger } from '../logging/logger.js';
import { RpcCorrelationInterceptor } from '../messaging/correlation.interceptor.js';
import { NamespacedServerNats } from '../messaging/namespaced-server-nats.js';

/**
 * Builds and starts a NATS microservice: validated config, JSON logs, the shared pipe, filter and
 * interceptor, queue group named after the service, graceful close() (runMain wires it to SIGTERM/SIGINT).
 */
export async function createService(
  service: ServiceName,
  module: DynamicModule,
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestMicroservice> {
  const config = loadConfig(ServiceConfig, env);
  const logger = new JsonLogger(createRootLogger(service, config.LOG_LEVEL, config.INSTANCE_ID));
  const strategy = new NamespacedServerNats(
    config.NATS_NAMESPACE,
    service,
    { servers: natsServers(config.NATS_URL), name: `${service}-server`, maxReconnectAttempts: -1, reconnectTimeWait: 500 },
    config.SHUTDOWN_GRACE_MS,
  );
  const app = await NestFactory.createMicroservice(module, { strategy, logger });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcCorrelationInterceptor());
  await app.listen();
  return app;
}
