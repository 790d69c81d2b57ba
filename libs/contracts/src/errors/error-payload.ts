import { ErrorCode } from './error-code.js';

/** One offending input field, named by its path in the payload (`domains[0].level`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What crosses NATS when a handler fails: enough for the gateway to answer problem+json. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}
