import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_HEADER, DomainException, ErrorCode, FieldError, httpStatusOf } from '@coop/contracts';
import { sanitizeCorrelationId } from '@coop/platform';
import { preferredLanguage } from './accept-language.js';
import { fieldMessage, gatewayMessage, GatewayMessageKey, Language, problemTitle, serviceDetail } from './messages.js';
import { GatewayException, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details.js';

/** A failure on its way out: its code and what to say, before it is put in the caller's language. */
/** What went wrong, before it is worded in the caller's language. */
export interface Failure {
  code: ErrorCode;
  status?: number;
  key?: GatewayMessageKey;
  english?: string;
  errors?: FieldError[];
}

/** Fastify's own request errors (raised before any route runs), by their code. */
const FASTIFY_ERRORS: Record<string, Pick<Failure, 'code' | 'key'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ErrorCode.ValidationFailed, key: 'malformedJson' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ErrorCode.ValidationFailed, key: 'emptyJson' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ErrorCode.ValidationFailed, key: 'badContentLength' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PayloadTooLarge, key: 'payloadTooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: ErrorCode.UnsupportedMediaType, key: 'unsupportedMediaType' },
  FST_ERR_BAD_URL: { code: ErrorCode.ValidationFailed, key: 'badUrl' },
  // An id longer than any route accepts names nothing.
  FST_ERR_MAX_PARAM_LENGTH: { code: ErrorCode.NotFound, key: 'routeNotFound' },
};

/** The gateway's one error exit: every failure becomes problem+json, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const failure = this.toFailure(exception);
    if ((failure.status ?? httpStatusOf(failure.code)) >= 500) {
      this.logger.warn({ msg: 'request failed', code: failure.code, detail: failure.english, url: request.url });
    }
    sendProblem(request, http.getResponse<FastifyReply>(), failure);
  }

  private toFailure(exception: unknown): Failure {
    if (exception instanceof GatewayException) return { code: exception.code, key: exception.messageKey };
    if (exception instanceof DomainException) return { code: exception.code, english: exception.message, errors: exception.errors };
    if (exception instanceof HttpException) {
      const fastifyCode = (exception.cause as { code?: unknown } | undefined)?.code;
      const known = typeof fastifyCode === 'string' ? FASTIFY_ERRORS[fastifyCode] : undefined;
      if (known) return { ...known, status: exception.getStatus() };
      // Nest's answer to a path no route matches.
      if (exception instanceof NotFoundException) return { code: ErrorCode.NotFound, key: 'routeNotFound' };
      return { code: codeForStatus(exception.getStatus()), status: exception.getStatus(), english: exception.message };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return { code: ErrorCode.Internal, english: 'The request could not be processed' };
  }
}

/** Fastify's `frameworkErrors`: errors it raises before Nest sees the request (a malformed URL). */
export function frameworkErrorHandler(error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const known = (error.code && FASTIFY_ERRORS[error.code]) || { code: ErrorCode.ValidationFailed, key: 'badUrl' as const };
  sendProblem(request, reply, { ...known, status: httpStatusOf(known.code) });
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, failure: Failure): void {
  const language = preferredLanguage(request.headers['accept-language']);
  const problem = render(failure, language);
  problem.instance = request.url;
  problem.correlationId = request.correlationId || sanitizeCorrelationId(request.headers[CORRELATION_ID_HEADER]) || randomUUID();
  if (problem.status === HttpStatus.UNAUTHORIZED) void reply.header('www-authenticate', 'Bearer');
  void reply
    .status(problem.status)
    .header(CORRELATION_ID_HEADER, problem.correlationId)
    .header('content-language', language)
    .header('vary', 'Accept-Language')
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem);
}

/** The problem document of a failure, in the given language. */
export function render(failure: Failure, language: Language): ProblemDetails {
  const detail = failure.key
    ? gatewayMessage(failure.key, language)
    : serviceDetail(failure.code, failure.english ?? failure.code, language, failure.errors);
  return {
    type: problemType(failure.code),
    title: problemTitle(failure.code, language),
    status: failure.status ?? httpStatusOf(failure.code),
    detail,
    code: failure.code,
    ...(failure.errors ? { errors: failure.errors.map((error) => ({ field: error.field, message: fieldMessage(error, language) })) } : {}),
  };
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
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return ErrorCode.UnsupportedMediaType;
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
