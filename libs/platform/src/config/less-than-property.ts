import { ValidateBy } from 'class-validator';

/** A number config variable that must stay below another one (e.g. workers below the pool they draw from). */
export function IsLessThanProperty(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'isLessThanProperty',
    constraints: [other],
    validator: {
      validate: (value, args) => {
        const limit = (args?.object as Record<string, unknown>)[other];
        return typeof value === 'number' && typeof limit === 'number' && value < limit;
      },
      defaultMessage: (args) => `${args?.property} must be less than ${other}`,
    },
  });
}
