import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/**
 * A boolean variable spelled `true` or `false`. Implicit conversion would read any non-empty
 * string (even "false") as true, so the raw value is mapped explicitly; anything else is refused.
 */
export function EnvBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    }),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}
