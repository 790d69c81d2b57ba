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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainException.validation(toFieldErrors(errors)),
    ...overrides,
  });
}
