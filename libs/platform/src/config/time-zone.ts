import { ValidateBy } from 'class-validator';

export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A config variable naming an IANA time zone (America/Toronto). */
export function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: { validate: isTimeZone, defaultMessage: (args) => `${args?.property} must be an IANA time zone such as America/Toronto` },
  });
}
