import { ValidateBy, ValidationOptions } from 'class-validator';
import { DATE_PATTERN } from '../requests/request-terms.js';

/** `YYYY-MM-DD` naming a day that exists (not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property} must be a date such as 2026-03-31` },
    },
    options,
  );
}
