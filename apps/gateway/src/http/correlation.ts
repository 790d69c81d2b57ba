import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { CORRELATION_ID_HEADER } from '@coop/contracts';
import { sanitizeCorrelationId, withCorrelationId } from '@coop/platform';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
  }
}

/** Takes the caller's correlation id (or makes one) and echoes it on every response. */
export function registerCorrelationId(fastify: FastifyInstance): void {
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', async (request, reply) => {
    request.correlationId = sanitizeCorrelationId(request.headers[CORRELATION_ID_HEADER]) ?? randomUUID();
    void reply.header(CORRELATION_ID_HEADER, request.correlationId);
  });
}

/** Runs each handler inside the request's correlation id, so logs and NATS calls carry it. */
@Injectable()
export class HttpCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return new Observable((subscriber) => withCorrelationId(request.correlationId, () => next.handle().subscribe(subscriber)));
  }
}
