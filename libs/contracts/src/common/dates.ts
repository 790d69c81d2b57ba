import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { tryParseDay } from '../calendar/iso-week.js';

/** The longest date window any request may name (reservations, time off, availability). */
export const MAX_WINDOW_DAYS = 731;

/**
 * The end of a window: on or after `startProperty`, and at most MAX_WINDOW_DAYS after it. Silent
 * when either date is malformed (IsCalendarDate reports that).
 */
export function IsWindowEnd(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWindowEnd',
      constraints: [startProperty],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const start = tryParseDay(String((args?.object as Record<string, unknown>)[startProperty]));
          const end = typeof value === 'string' ? tryParseDay(value) : undefined;
          return start === undefined || end === undefined || (end >= start && end - start < MAX_WINDOW_DAYS);
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be on or after ${startProperty} and at most ${MAX_WINDOW_DAYS} days after it`,
      },
    },
    options,
  );
}
