// Stable error codes shared by every service and the gateway. A code, once published, is never
// renamed: partner systems switch on it. Add a code here and `httpStatusOf` will not compile until
// it is mapped.
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyRequestInFlight = 'idempotency_request_in_flight',
  CapacityExceeded = 'capacity_exceeded',
  InvalidStateTransition = 'invalid_state_transition',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  RateLimited = 'rate_limited',
  ServiceUnavailable = 'service_unavailable',
  UpstreamTimeout = 'upstream_timeout',
  Internal = 'internal_error',
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
    case ErrorCode.IdempotencyRequestInFlight:
    case ErrorCode.CapacityExceeded:
    case ErrorCode.InvalidStateTransition:
      return 409;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.IdempotencyKeyReused:
      return 422;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Internal:
      return 500;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case ErrorCode.UpstreamTimeout:
      return 504;
    default:
      return assertUnreachable(code);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
