import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createRootLogger, createValidationPipe, JsonLogger, loadConfig } from '@coop/platform';
import { GatewayAppModule } from './app.module.js';
import { GatewayConfig } from './config.js';
import { HttpCorrelationInterceptor, registerCorrelationId } from './http/correlation.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { GatewayMetrics } from './metrics/metrics.js';

/** Builds the HTTP gateway (Fastify) and starts listening; `port: 0` picks a free port (tests). */
export async function createGateway(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(GatewayConfig, env);
  const logger = new JsonLogger(createRootLogger('gateway', config.LOG_LEVEL, config.INSTANCE_ID));
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule.forRoot(env), adapter, { logger });
  const fastify = app.getHttpAdapter().getInstance();
  registerCorrelationId(fastify);
  app.get(GatewayMetrics).instrument(fastify);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new HttpCorrelationInterceptor());
  setUpOpenApi(app);
  await app.listen(config.PORT, config.HOST);
  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coop Expertise Matching API')
      .setDescription('Service requests of member federations matched to the consortium professionals.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
