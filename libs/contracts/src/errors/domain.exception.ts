import { ErrorCode } from './error-code.js';
import { FieldError } from './error-payload.js';

/**
 * Thrown by services for every expected failure. Carries a stable code; the RPC filter sends it
 * over NATS and the gateway turns it into problem+json with the matching HTTP status.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = DomainException.name;
  }

  static notFound(what: string, id: string): DomainException {
    return new DomainException(ErrorCode.NotFound, `${what} ${id} was not found`);
  }

  static validation(errors: FieldError[]): DomainException {
    const fields = [...new Set(errors.map((e) => e.field))].join(', ');
    return new DomainException(ErrorCode.ValidationFailed, `Invalid input: ${fields}`, errors);
  }
}
