import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { CORRELATION_ID_HEADER } from '@coop/contracts';
import { sanitizeCorrelationId, withCorrelationId } from '../logging/correlation.js';

/** Continues the caller's correlation id inside a NATS handler, so its logs line up with the caller's. */
@Injectable()
export class RpcCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const natsContext = context.switchToRpc().getContext<NatsContext>();
    const header = natsContext?.getHeaders?.()?.get(CORRELATION_ID_HEADER);
    return new Observable((subscriber) =>
      withCorrelationId(sanitizeCorrelationId(header), () => next.handle().subscribe(subscriber)),
    );
  }
}
