import { ErrorCode, FieldError } from '@coop/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our stable `code` and the offending fields. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
}

const TITLES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'Invalid request',
  [ErrorCode.Unauthenticated]: 'Authentication required',
  [ErrorCode.Forbidden]: 'Not allowed',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.Conflict]: 'Conflict',
  [ErrorCode.IdempotencyKeyReused]: 'Idempotency key reused with another request',
  [ErrorCode.IdempotencyRequestInFlight]: 'A request with this idempotency key is in progress',
  [ErrorCode.CapacityExceeded]: 'Not enough capacity',
  [ErrorCode.InvalidStateTransition]: 'Invalid state transition',
  [ErrorCode.PayloadTooLarge]: 'Request too large',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
  [ErrorCode.UpstreamTimeout]: 'Service timed out',
  [ErrorCode.Internal]: 'Internal error',
};

export function problemType(code: ErrorCode): string {
  return `https://coop-matching.example/problems/${code.replace(/_/g, '-')}`;
}

export function problemTitle(code: ErrorCode): string {
  return TITLES[code];
}
