import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { StrictBoolean } from '../common/strict-boolean.js';
import { REGION_MAX_LENGTH, REGION_PATTERN } from '../members/member.dto.js';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';

export const MAX_WEEKLY_CAPACITY_HOURS = 60;
/** Most professionals one import call takes (keep a batch under NATS's 1 MB message limit). */
export const MAX_IMPORT_BATCH = 1000;
export const MAX_IDS_PER_CALL = 1000;

const DOMAIN_CODE_MESSAGE = `code must be one of: ${EXPERTISE_DOMAIN_CODES.join(', ')}`;
const SECTOR_MESSAGE = `each sector must be one of: ${COOP_SECTOR_CODES.join(', ')}`;
const LANGUAGE_MESSAGE = `each language must be one of: ${LANGUAGE_CODES.join(', ')}`;

export class ProfessionalDomainInput {
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES })
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: DOMAIN_CODE_MESSAGE })
  code: ExpertiseDomainCode;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (junior) to 5 (recognised expert)' })
  @IsInt({ message: 'level must be a whole number from 1 to 5' })
  @Min(1, { message: 'level must be a whole number from 1 to 5' })
  @Max(5, { message: 'level must be a whole number from 1 to 5' })
  level: number;

  @ApiProperty({ minimum: 0, maximum: 60, description: 'years of practice in the domain' })
  @IsInt({ message: 'years must be a whole number from 0 to 60' })
  @Min(0, { message: 'years must be a whole number from 0 to 60' })
  @Max(60, { message: 'years must be a whole number from 0 to 60' })
  years: number;
}

export class CoopExperienceInput {
  @ApiProperty({ minimum: 0, maximum: 60, description: 'years of work with or inside co-operatives' })
  @IsInt({ message: 'years must be a whole number from 0 to 60' })
  @Min(0, { message: 'years must be a whole number from 0 to 60' })
  @Max(60, { message: 'years must be a whole number from 0 to 60' })
  years: number;

  @ApiProperty({ enum: COOP_SECTOR_CODES, isArray: true })
  @IsArray({ message: 'sectors must be a list of sector codes' })
  @ArrayMaxSize(COOP_SECTOR_CODES.length)
  @ArrayUnique({ message: 'sectors must not repeat a sector' })
  @IsIn(COOP_SECTOR_CODES, { each: true, message: SECTOR_MESSAGE })
  sectors: CoopSectorCode[];

  @ApiProperty({ minimum: 0, description: 'mandates carried out for co-operatives' })
  @IsInt({ message: 'mandates must be a whole number of at least 0' })
  @Min(0, { message: 'mandates must be a whole number of at least 0' })
  @Max(10_000)
  mandates: number;
}

/** The options of a field's rules: its message, and (for a required field) "only when given". */
type RuleOptions = (message: string, extra?: ValidationOptions) => ValidationOptions;

/**
 * Decorates a profile field for creation (required) or PATCH (optional), with its OpenAPI entry. A
 * missing required field is reported once, as missing, not also as breaking each of its rules.
 */
function profileField(required: boolean, api: ApiPropertyOptions, rules: (options: RuleOptions) => PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    const given: ValidationOptions = required ? { validateIf: (_object: unknown, value: unknown) => value !== undefined && value !== null } : {};
    const options: RuleOptions = (message, extra = {}) => ({ ...extra, ...given, message });
    const presence = required ? [IsDefined({ message: `${String(property)} is required` })] : [IsOptional()];
    for (const decorate of [required ? ApiProperty(api) : ApiPropertyOptional(api), ...presence, ...rules(options)]) decorate(target, property);
  };
}

const capacityMessage = `weeklyCapacityHours must be a number of hours from 0 to ${MAX_WEEKLY_CAPACITY_HOURS}, with at most 2 decimals`;
const costRateMessage = 'costRate must be an amount greater than 0 and at most 10000, with at most 2 decimals';
const decimal = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

// Every field of a profile, once; `required` tells creation (true) from PATCH (false) apart.
const FullName = (required: boolean) =>
  profileField(required, {}, (o) => [IsString(o('fullName must be text')), Length(2, 200, o('fullName must be 2 to 200 characters'))]);
const Email = (required: boolean) =>
  profileField(required, { description: 'unique, compared without regard to case' }, (o) => [
    IsEmail({}, o('email must be an email address')),
    MaxLength(254, o('email must be at most 254 characters')),
  ]);
const Domains = (required: boolean) =>
  profileField(required, { type: [ProfessionalDomainInput] }, (o) => [
    IsArray(o('domains must be a list of {code, level, years}')),
    ArrayMinSize(1, o('domains must name at least one expertise domain')),
    ArrayMaxSize(EXPERTISE_DOMAIN_CODES.length, o(`domains must hold at most ${EXPERTISE_DOMAIN_CODES.length} entries`)),
    ArrayUnique((domain: ProfessionalDomainInput) => domain?.code, o('domains must not repeat a domain code')),
    ValidateNested({ each: true }),
    Type(() => ProfessionalDomainInput),
  ]);
const Skills = (required: boolean) =>
  profileField(required, { type: [String], description: 'keywords, searched when matching' }, (o) => [
    IsArray(o('skills must be a list of keywords')),
    ArrayMaxSize(50, o('skills must hold at most 50 keywords')),
    IsString(o('each skill must be text', { each: true })),
    Length(1, 100, o('each skill must be 1 to 100 characters', { each: true })),
  ]);
const Bio = (required: boolean) =>
  profileField(required, {}, (o) => [IsString(o('bio must be text')), MaxLength(5000, o('bio must be at most 5000 characters'))]);
const Languages = (required: boolean) =>
  profileField(required, { enum: LANGUAGE_CODES, isArray: true, description: 'main language first' }, (o) => [
    IsArray(o('languages must be a list of language codes')),
    ArrayMinSize(1, o('languages must name at least one language')),
    ArrayMaxSize(LANGUAGE_CODES.length, o(`languages must hold at most ${LANGUAGE_CODES.length} entries`)),
    ArrayUnique(o('languages must not repeat a language')),
    IsIn(LANGUAGE_CODES, o(LANGUAGE_MESSAGE, { each: true })),
  ]);
const Region = (required: boolean) =>
  profileField(required, { example: 'montreal', maxLength: REGION_MAX_LENGTH }, (o) => [Matches(REGION_PATTERN, o('region must be a lower-case code such as montreal'))]);
const CoopExperience = (required: boolean) =>
  profileField(required, { type: CoopExperienceInput }, (o) => [
    IsObject(o('coopExperience must be {years, sectors, mandates}')),
    ValidateNested(),
    Type(() => CoopExperienceInput),
  ]);
const WeeklyCapacity = (required: boolean) =>
  profileField(required, { minimum: 0, maximum: MAX_WEEKLY_CAPACITY_HOURS }, (o) => [
    IsNumber(decimal, o(capacityMessage)),
    Min(0, o(capacityMessage)),
    Max(MAX_WEEKLY_CAPACITY_HOURS, o(capacityMessage)),
  ]);
const CostRate = (required: boolean) =>
  profileField(required, { description: 'hourly cost, billed at cost to members' }, (o) => [
    IsNumber(decimal, o(costRateMessage)),
    Min(0.01, o(costRateMessage)),
    Max(10_000, o(costRateMessage)),
  ]);
const Active = (required: boolean) =>
  profileField(required, { description: 'false deactivates: never matched or booked until reactivated' }, (o) => [IsBoolean(o('active must be true or false'))]);

/** A new profile. skills, bio and coopExperience default to empty, active to true. */
export class CreateProfessionalRequest {
  @FullName(true) fullName: string;
  @Email(true) email: string;
  @Domains(true) domains: ProfessionalDomainInput[];
  @Skills(false) skills?: string[];
  @Bio(false) bio?: string;
  @Languages(true) languages: LanguageCode[];
  @Region(true) region: string;
  @CoopExperience(false) coopExperience?: CoopExperienceInput;
  @WeeklyCapacity(true) weeklyCapacityHours: number;
  @CostRate(true) costRate: number;
  @Active(false) active?: boolean;
}

/** The editable fields of a profile, every one optional (PATCH); a list or object given replaces the old one. */
export class ProfessionalFields {
  @FullName(false) fullName?: string;
  @Email(false) email?: string;
  @Domains(false) domains?: ProfessionalDomainInput[];
  @Skills(false) skills?: string[];
  @Bio(false) bio?: string;
  @Languages(false) languages?: LanguageCode[];
  @Region(false) region?: string;
  @CoopExperience(false) coopExperience?: CoopExperienceInput;
  @WeeklyCapacity(false) weeklyCapacityHours?: number;
  @CostRate(false) costRate?: number;
  @Active(false) active?: boolean;
}

export class UpdateProfessionalRequest extends ProfessionalFields {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class ProfessionalIdRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class ProfessionalIdsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IDS_PER_CALL)
  @IsUUID('4', { each: true, message: 'each id must be a UUID' })
  ids: string[];
}

export class ListProfessionalsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: EXPERTISE_DOMAIN_CODES })
  @IsOptional()
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: `domain must be one of: ${EXPERTISE_DOMAIN_CODES.join(', ')}` })
  domain?: ExpertiseDomainCode;

  @ApiPropertyOptional({ enum: LANGUAGE_CODES })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: `language must be one of: ${LANGUAGE_CODES.join(', ')}` })
  language?: LanguageCode;

  @ApiPropertyOptional({ example: 'quebec', maxLength: REGION_MAX_LENGTH })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: 'region must be a lower-case code such as montreal' })
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @StrictBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'words in the name, email, skills or bio' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  q?: string;
}

export class ImportProfessionalsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_BATCH, { message: `professionals must hold at most ${MAX_IMPORT_BATCH} profiles per call` })
  @ValidateNested({ each: true })
  @Type(() => CreateProfessionalRequest)
  professionals: CreateProfessionalRequest[];
}

export class ProfessionalDomainView {
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES }) code: ExpertiseDomainCode;
  @ApiProperty() level: number;
  @ApiProperty() years: number;
}

export class CoopExperienceView {
  @ApiProperty() years: number;
  @ApiProperty({ enum: COOP_SECTOR_CODES, isArray: true }) sectors: CoopSectorCode[];
  @ApiProperty() mandates: number;
}

export class ProfessionalView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [ProfessionalDomainView] }) domains: ProfessionalDomainView[];
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() bio: string;
  @ApiProperty({ enum: LANGUAGE_CODES, isArray: true }) languages: LanguageCode[];
  @ApiProperty() region: string;
  @ApiProperty({ type: CoopExperienceView }) coopExperience: CoopExperienceView;
  @ApiProperty() weeklyCapacityHours: number;
  @ApiProperty() costRate: number;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProfessionalPage {
  @ApiProperty({ type: [ProfessionalView] }) items: ProfessionalView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ProfessionalList {
  items: ProfessionalView[];
}

export class ImportProfessionalsResult {
  created: number;
  /** Emails already registered: left as they were. */
  skippedEmails: string[];
}
