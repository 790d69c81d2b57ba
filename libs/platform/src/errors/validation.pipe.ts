import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { DomainException } from '@coop/contracts';
import { toFieldErrors } from './field-errors.js';

/**
 * One validation setup for HTTP bodies and NATS payloads: unknown fields refused, types converted,
 * and every failure a DomainException naming the fields (not Nest's "Internal server error" in RPC).
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // The target is kept for toFieldErrors to read each rule's arguments; it never leaves this process.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => DomainException.validation(toFieldErrors(errors)),
    ...overrides,
  });
}
