import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { PageQuery } from '../common/pagination.js';

export const REGION_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export class CreateMemberRequest {
  @IsString()
  @Length(2, 200)
  name: string;

  @IsIn(COOP_SECTOR_CODES, { message: `sector must be one of: ${COOP_SECTOR_CODES.join(', ')}` })
  sector: CoopSectorCode;

  @IsIn(LANGUAGE_CODES, { message: 'language must be fr or en' })
  language: LanguageCode;

  @Matches(REGION_PATTERN, { message: 'region must be a lower-case code such as montreal' })
  region: string;

  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail: string;

  /** Whether new requests of this member are assigned automatically. */
  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;
}

export class MemberIdRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class ListMembersRequest extends PageQuery {}

export class MemberView {
  id: string;
  name: string;
  sector: CoopSectorCode;
  language: LanguageCode;
  region: string;
  contactEmail: string;
  autoAssign: boolean;
  createdAt: string;
  updatedAt: string;
}

export class MemberPage {
  items: MemberView[];
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
