import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainException, ErrorCode, ErrorPayload } from '@coop/contracts';

/**
 * The one filter of every NATS service: domain errors travel with their code and fields;
 * anything unexpected is logged here and leaves as a bare internal error, never a stack trace.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<ErrorPayload> {
    return throwError(() => this.toPayload(exception));
  }

  private toPayload(exception: unknown): ErrorPayload {
    if (exception instanceof DomainException) {
      return { code: exception.code, message: exception.message, ...(exception.errors ? { errors: exception.errors } : {}) };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return { code: ErrorCode.Internal, message: 'The service failed to handle the request' };
  }
}
