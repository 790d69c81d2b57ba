import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRootLogger, createValidationPipe, JsonLogger, loadConfig } from '@coop/platform';
import { GatewayAppModule } from './app.module.js';
import { registerRateLimit } from './auth/rate-limit.js';
import { GatewayConfig } from './config.js';
import { clientErrorHandler } from './http/client-error.js';
import { registerConsoleSite } from './http/console-site.js';
import { HttpCorrelationInterceptor, registerCorrelationId } from './http/correlation.js';
import { setUpOpenApi } from './http/openapi.js';
import { frameworkErrorHandler, ProblemDetailsFilter } from './http/problem-details.filter.js';
import { GatewayMetrics } from './metrics/metrics.js';

/** Builds the HTTP gateway (Fastify) and starts listening; `port: 0` picks a free port (tests). */
export async function createGateway(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(GatewayConfig, env);
  const logger = new JsonLogger(createRootLogger('gateway', config.LOG_LEVEL, config.INSTANCE_ID));
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: true, frameworkErrors: frameworkErrorHandler, clientErrorHandler });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule.forRoot(env), adapter, { logger });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: a text/plain body answers 415 rather than reaching validation as a string.
  fastify.removeContentTypeParser('text/plain');
  registerCorrelationId(fastify);
  registerConsoleSite(fastify, config.CONSOLE_DIR);
  await registerRateLimit(app, config);
  app.get(GatewayMetrics).instrument(fastify);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new HttpCorrelationInterceptor());
  setUpOpenApi(app, { publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
  await app.listen(config.PORT, config.HOST);
  return app;
}
