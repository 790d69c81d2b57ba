import { ErrorCode } from './error-code.js';

/** One offending input field, named by its path in the payload (`domains[0].level`). */
export interface FieldError {
  field: string;
  /** English text, shown as is to English callers. */
  message: string;
  /** Which rule failed (class-validator's constraint name or a domain rule such as `windowInPast`): lets the gateway translate the message. */
  constraint?: string;
  /** Values the message mentions (`{ max: 80 }`), for translations. */
  params?: Record<string, string | number>;
}

/** What crosses NATS when a handler fails: enough for the gateway to answer problem+json. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}
