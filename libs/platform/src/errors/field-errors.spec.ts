import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, Length, Max, ValidateNested, validateSync } from 'class-validator';
import { toFieldErrors } from './field-errors.js';

class Level {
  @Max(5)
  level: number;
}

class Profile {
  @Length(2, 10)
  name: string;

  @IsIn(['fr', 'en'])
  language: string;

  @ValidateNested({ each: true })
  @Type(() => Level)
  domains: Level[];
}

describe('toFieldErrors', () => {
  it('names each field by its path, with the failed rule and its values', () => {
    const profile = Object.assign(new Profile(), { name: 'x', language: 'de', domains: [Object.assign(new Level(), { level: 9 })] });

    const sut = toFieldErrors(validateSync(profile));

    expect(sut).toEqual([
      { field: 'name', message: 'name must be longer than or equal to 2 characters', constraint: 'isLength', params: { min: 2, max: 10 } },
      { field: 'language', message: expect.any(String), constraint: 'isIn', params: { values: 'fr, en' } },
      { field: 'domains.0.level', message: 'level must not be greater than 5', constraint: 'max', params: { max: 5 } },
    ]);
  });
});
