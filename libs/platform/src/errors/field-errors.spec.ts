import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { toFieldErrors } from './field-errors.js';

class Domain {
  @IsString() code: string;
  @IsInt() @Min(1) @Max(5) level: number;
}

class Profile {
  @IsString() fullName: string;
  @ValidateNested({ each: true }) @Type(() => Domain) domains: Domain[];
}

class Member {
  @Length(2, 10) name: string;
  @IsIn(['fr', 'en']) language: string;
}

describe(toFieldErrors.name, () => {
  it('names nested fields by their path, with the rule that failed', () => {
    const profile = plainToInstance(Profile, { fullName: 7, domains: [{ code: 'legal', level: 3 }, { code: 'hr', level: 9 }] });

    const sut = toFieldErrors(validateSync(profile));

    expect(sut).toEqual([
      { field: 'fullName', message: 'fullName must be a string', constraint: 'isString' },
      { field: 'domains.1.level', message: 'level must not be greater than 5', constraint: 'max', params: { max: 5 } },
    ]);
  });

  it("carries the values a rule names, so the message can be said in another language", () => {
    const member = plainToInstance(Member, { name: 'x', language: 'de' });

    const sut = toFieldErrors(validateSync(member));

    expect(sut).toEqual([
      { field: 'name', message: 'name must be longer than or equal to 2 characters', constraint: 'isLength', params: { min: 2, max: 10 } },
      { field: 'language', message: 'language must be one of the following values: fr, en', constraint: 'isIn', params: { values: 'fr, en' } },
    ]);
  });

  it('says only that an absent field is required, not every rule it then fails', () => {
    const member = plainToInstance(Member, { language: 'fr' });

    const sut = toFieldErrors(validateSync(member));

    expect(sut).toEqual([{ field: 'name', message: 'name is required', constraint: 'isDefined' }]);
  });

  it('still names the rules a present but wrong value fails, null included', () => {
    const member = plainToInstance(Member, { name: null, language: 'fr' });

    const sut = toFieldErrors(validateSync(member));

    expect(sut).toEqual([{ field: 'name', message: 'name must be longer than or equal to 2 characters', constraint: 'isLength', params: { min: 2, max: 10 } }]);
  });
});
