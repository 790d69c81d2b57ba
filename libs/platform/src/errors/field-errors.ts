import { getMetadataStorage, ValidationError } from 'class-validator';
import { FieldError, MAX_WINDOW_DAYS } from '@coop/contracts';

/**
 * Flattens class-validator's nested errors into `path: message` pairs (`domains.0.level`), each with
 * the rule that failed and the values it names, so the gateway can say it in the caller's language.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A field that is absent fails every rule on it; that it is required is the one thing to say.
    if (error.constraints && isAbsent(error)) return [{ field, message: `${field} is required`, constraint: 'isDefined' }];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const params = constraintParams(error, constraint);
      return { field, message, constraint, ...(params ? { params } : {}) };
    });
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function isAbsent(error: ValidationError): boolean {
  const target = error.target as Record<string, unknown> | undefined;
  return target !== undefined && target[error.property] === undefined;
}

/** The arguments of a failed rule (`@Length(3, 200)` -> min 3, max 200), read from the class metadata. */
function constraintParams(error: ValidationError, constraint: string): Record<string, string | number> | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const args = metadata?.constraints ?? [];
  switch (constraint) {
    case 'isIn':
      return Array.isArray(args[0]) ? { values: (args[0] as unknown[]).join(', ') } : undefined;
    case 'isLength':
      return typeof args[1] === 'number' ? { min: args[0] as number, max: args[1] } : { min: args[0] as number };
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return typeof args[0] === 'number' ? { min: args[0] } : undefined;
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return typeof args[0] === 'number' ? { max: args[0] } : undefined;
    case 'isWindowEnd':
      return typeof args[0] === 'string' ? { start: args[0], maxDays: MAX_WINDOW_DAYS } : undefined;
    default:
      return undefined;
  }
}
