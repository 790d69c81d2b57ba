import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { StrictBoolean } from './strict-boolean.js';

class Flags {
  @StrictBoolean()
  active: boolean;
}

const read = (active: unknown, enableImplicitConversion = false) => {
  const flags = plainToInstance(Flags, { active }, { enableImplicitConversion });
  return { active: flags.active, errors: validateSync(flags).flatMap((error) => Object.values(error.constraints ?? {})) };
};

describe(StrictBoolean.name, () => {
  it('reads true and false, as text or as booleans, even with implicit conversion', () => {
    for (const implicit of [false, true]) {
      expect(read('true', implicit)).toEqual({ active: true, errors: [] });
      expect(read('false', implicit)).toEqual({ active: false, errors: [] });
      expect(read(false, implicit)).toEqual({ active: false, errors: [] });
    }
  });

  it('refuses anything else, naming the field', () => {
    for (const value of ['yes', '1', '', 0]) {
      expect(read(value).errors).toEqual(['active must be true or false']);
    }
  });
});
