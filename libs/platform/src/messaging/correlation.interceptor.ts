import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import { CORRELATION_ID_HEADER } from '@coop/contracts';
import { sanitizeCorrelationId, withCorrelationId } from '../logging/correlation.js';
import { msSince } from '../logging/log-ms.js';

/**
 * Continues the caller's correlation id inside a NATS handler, so its logs line up with the
 * caller's, and writes one debug line per request handled (LOG_LEVEL=debug), which carries it.
 */
@Injectable()
export class RpcCorrelationInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const natsContext = context.switchToRpc().getContext<NatsContext>();
    const header = natsContext?.getHeaders?.()?.get(CORRELATION_ID_HEADER);
    const subject = natsContext?.getSubject?.();
    const started = performance.now();
    const handled = (outcome: string) => this.logger.debug({ msg: 'rpc handled', subject, outcome, ms: msSince(started) });
    return new Observable((subscriber) =>
      withCorrelationId(sanitizeCorrelationId(header), () =>
        next
          .handle()
          .pipe(tap({ complete: () => handled('ok'), error: (error: { code?: string }) => handled(error?.code ?? 'error') }))
          .subscribe(subscriber),
      ),
    );
  }
}
