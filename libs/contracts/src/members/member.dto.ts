import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { PageQuery } from '../common/pagination.js';

export const REGION_MAX_LENGTH = 40;
export const REGION_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const REGION_DESCRIPTION = 'Lower-case region code, e.g. `montreal`';

export class CreateMemberRequest {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Fédération des coopératives d’habitation de la Capitale' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: COOP_SECTOR_CODES, enumName: 'CoopSectorCode' })
  @IsIn(COOP_SECTOR_CODES, { message: `sector must be one of: ${COOP_SECTOR_CODES.join(', ')}` })
  sector: CoopSectorCode;

  @ApiProperty({ enum: LANGUAGE_CODES, enumName: 'LanguageCode' })
  @IsIn(LANGUAGE_CODES, { message: 'language must be fr or en' })
  language: LanguageCode;

  @ApiProperty({ pattern: REGION_PATTERN.source, maxLength: REGION_MAX_LENGTH, description: REGION_DESCRIPTION, example: 'quebec' })
  @Matches(REGION_PATTERN, { message: 'region must be a lower-case code such as montreal' })
  region: string;

  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail: string;

  /** Whether new requests of this member are assigned automatically. */
  @ApiPropertyOptional({ default: false, description: 'Whether new requests of this member are assigned automatically' })
  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;

  /** Whether an automatic assignment may share a request between two professionals when nobody is free for all of it. */
  @ApiPropertyOptional({
    default: false,
    description: 'Whether an automatic assignment may share a request between two professionals when nobody is free for all of it (only when requests are assigned automatically)',
  })
  @IsOptional()
  @IsBoolean()
  autoAssignSplit?: boolean;
}

/** PATCH body: any subset of the member's fields. */
export class UpdateMemberBody extends PartialType(CreateMemberRequest) {}

export class UpdateMemberRequest extends UpdateMemberBody {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class MemberIdRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class ListMembersRequest extends PageQuery {}

export class MemberView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: COOP_SECTOR_CODES, enumName: 'CoopSectorCode' })
  sector: CoopSectorCode;
  @ApiProperty({ enum: LANGUAGE_CODES, enumName: 'LanguageCode' })
  language: LanguageCode;
  @ApiProperty({ description: REGION_DESCRIPTION })
  region: string;
  @ApiProperty({ format: 'email' })
  contactEmail: string;
  @ApiProperty()
  autoAssign: boolean;
  @ApiProperty({ description: 'Whether an automatic assignment may share a request between two professionals' })
  autoAssignSplit: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] })
  items: MemberView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class MemberRegisteredEvent {
  @IsUUID()
  memberId: string;

  @IsString()
  name: string;

  @IsIn(COOP_SECTOR_CODES)
  sector: CoopSectorCode;

  @IsIn(LANGUAGE_CODES)
  language: LanguageCode;
}

/** The member as it is after a change (every field, so consumers can keep a copy without asking). */
export class MemberUpdatedEvent extends MemberRegisteredEvent {
  @IsString()
  region: string;

  @IsString()
  contactEmail: string;

  @IsBoolean()
  autoAssign: boolean;

  @IsOptional()
  @IsBoolean()
  autoAssignSplit?: boolean;
}
