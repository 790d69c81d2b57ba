import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, ErrorCode, httpStatusOf } from '@coop/contracts';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemTitle, problemType } from './problem-details.js';

/** The gateway's one error exit: every failure becomes problem+json, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = request.correlationId;
    if (problem.status >= 500) this.logger.warn({ msg: 'request failed', code: problem.code, detail: problem.detail, url: request.url });
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainException) {
      return build(exception.code, exception.message, exception.errors);
    }
    if (exception instanceof HttpException) {
      const code = codeForStatus(exception.getStatus());
      return { ...build(code, messageOf(exception)), status: exception.getStatus() };
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors raised by Fastify itself (malformed JSON, unsupported media type, body too large).
      return { ...build(codeForStatus(status), (exception as Error).message), status };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return build(ErrorCode.Internal, 'The request could not be processed');
  }
}

function build(code: ErrorCode, detail: string, errors?: ProblemDetails['errors']): ProblemDetails {
  return { type: problemType(code), title: problemTitle(code), status: httpStatusOf(code), detail, code, ...(errors ? { errors } : {}) };
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.Unauthenticated;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.Forbidden;
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NotFound;
    case HttpStatus.CONFLICT:
      return ErrorCode.Conflict;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return ErrorCode.PayloadTooLarge;
    case HttpStatus.TOO_MANY_REQUESTS:
      return ErrorCode.RateLimited;
    case HttpStatus.SERVICE_UNAVAILABLE:
      return ErrorCode.ServiceUnavailable;
    case HttpStatus.GATEWAY_TIMEOUT:
      return ErrorCode.UpstreamTimeout;
    default:
      return status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed;
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}
