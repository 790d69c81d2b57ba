import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, hashApiKey } from '@coop/contracts';
import { GatewayConfig } from '../config.js';
import { GatewayException } from '../http/problem-details.js';
import { bearerKey } from './api-key.guard.js';

/**
 * Rate limit per credential: each API key has RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS,
 * counted before anything else runs (so even refused calls count); a call over it answers 429 with
 * Retry-After. A credential is known by its key, one to one, so the key's hash is the counter's
 * name. Calls without a key are not counted (they are refused at once, without reaching a service).
 * Counters live in this gateway's memory: behind a load balancer, N replicas let a key make up to
 * N times the limit (README).
 */
export async function registerRateLimit(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    allowList: (request: FastifyRequest) => bearerKey(request.headers.authorization) === undefined,
    keyGenerator: (request: FastifyRequest) => hashApiKey(bearerKey(request.headers.authorization) ?? ''),
    errorResponseBuilder: () => new GatewayException(ErrorCode.RateLimited, 'rateLimited'),
  });
}
