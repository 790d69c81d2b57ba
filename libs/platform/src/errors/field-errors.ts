import { ValidationError } from 'class-validator';
import { FieldError } from '@coop/contracts';

/** Flattens class-validator's nested errors into `path: message` pairs (`domains.0.level`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
