import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested, IsString } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from './field-errors.js';

class Domain {
  @IsString() code: string;
  @IsInt() @Min(1) @Max(5) level: number;
}

class Profile {
  @IsString() fullName: string;
  @ValidateNested({ each: true }) @Type(() => Domain) domains: Domain[];
}

describe(toFieldErrors.name, () => {
  it('names nested fields by their path', () => {
    const profile = plainToInstance(Profile, { fullName: 7, domains: [{ code: 'legal', level: 3 }, { code: 'hr', level: 9 }] });

    const sut = toFieldErrors(validateSync(profile));

    expect(sut).toEqual([
      { field: 'fullName', message: 'fullName must be a string' },
      { field: 'domains.1.level', message: 'level must not be greater than 5' },
    ]);
  });
});
