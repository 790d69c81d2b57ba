import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/**
 * A boolean spelled `true` or `false`, for values that arrive as text (query strings, environment
 * variables) as well as real booleans (NATS payloads); anything else fails validation. The raw value
 * is read, because implicit conversion would have turned any non-empty text, "false" too, into true.
 */
export function StrictBoolean(): PropertyDecorator {
  const toBoolean = Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  });
  const isBoolean = IsBoolean({ message: ({ property }) => `${property} must be true or false` });
  return (target, property) => {
    toBoolean(target, property);
    isBoolean(target, property);
  };
}
