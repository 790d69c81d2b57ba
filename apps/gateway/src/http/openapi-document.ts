import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GatewayAppModule } from '../app.module.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * The gateway's OpenAPI document without a running stack: Nest's preview mode builds the module
 * graph (controllers, routes, DTO metadata) without instantiating providers, so nothing connects to
 * NATS or listens. The console's API client is generated from it at build time.
 */
export async function openApiDocumentOffline(publicUrl = 'http://localhost:3000'): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule.forRoot({}), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app, { publicUrl });
  } finally {
    await app.close();
  }
}
