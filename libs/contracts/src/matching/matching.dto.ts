import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { DATE_PATTERN } from '../requests/request-events.js';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { URGENCY_LEVELS, type Urgency } from '../taxonomy/urgency.js';

const DOMAIN_MESSAGE = `domain must be one of: ${EXPERTISE_DOMAIN_CODES.join(', ')}`;

/** Language of the explanations (from Accept-Language). */
class Explained {
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  lang?: LanguageCode;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Also list the professionals the hard constraints excluded, with why. */
  @IsOptional()
  @IsBoolean()
  explainExcluded?: boolean;
}

export class RequestMatchesRequest extends Explained {
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;
}

/** An ad hoc "who would fit?" question that is not (yet) a request. */
export class MatchSearchRequest extends Explained {
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: DOMAIN_MESSAGE })
  domain: ExpertiseDomainCode;

  @Matches(DATE_PATTERN, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @Matches(DATE_PATTERN, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate: string;

  @IsNumber({}, { message: 'hours must be a number' })
  @Min(0.5)
  @Max(2000)
  hours: number;

  @IsIn(LANGUAGE_CODES, { message: 'language must be fr or en' })
  language: LanguageCode;

  @IsOptional()
  @IsIn(COOP_SECTOR_CODES, { message: `sector must be one of: ${COOP_SECTOR_CODES.join(', ')}` })
  sector?: CoopSectorCode;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @IsOptional()
  @IsBoolean()
  onSite?: boolean;

  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  urgency?: Urgency;

  /** Words to match against skills and bio. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}

export class CandidateView {
  rank: number;
  professionalId: string;
  fullName: string;
  /** 0..1; only comparable within one ranking. */
  score: number;
  /** Every hard constraint holds, including free hours >= hours requested. */
  available: boolean;
  freeHours: number;
  estimatedCost: number;
  factors: Record<string, number>;
  reasons: string[];
}

export class ExcludedView {
  professionalId: string;
  fullName: string;
  reasons: string[];
}

export class MatchListView {
  requestId?: string;
  candidates: CandidateView[];
  excluded?: ExcludedView[];
}

export class AssignRequest {
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;

  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;

  /** Defaults to the request's estimated hours. */
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(2000)
  hours?: number;
}

export class DeclineAssignmentRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @IsString()
  @Length(2, 1000)
  reason: string;
}

export class CompleteAssignmentRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @IsNumber({}, { message: 'hoursSpent must be a number' })
  @Min(0)
  @Max(5000)
  hoursSpent: number;
}

export class ListAssignmentsRequest extends PageQuery {
  @IsOptional() @IsUUID('4') professionalId?: string;
  @IsOptional() @IsUUID('4') memberId?: string;
  @IsOptional() @IsIn(['active', 'declined', 'completed', 'cancelled']) status?: 'active' | 'declined' | 'completed' | 'cancelled';
}

export class AssignmentView {
  id: string;
  requestId: string;
  memberId: string;
  professionalId: string;
  hours: number;
  costRate: number;
  estimatedCost: number;
  status: 'active' | 'declined' | 'completed' | 'cancelled';
  automatic: boolean;
  hoursSpent: number | null;
  declineReason: string | null;
  createdAt: string;
  endedAt: string | null;
}

export class AssignmentPage {
  items: AssignmentView[];
  nextCursor: string | null;
}

export class StatementRequest {
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId: string;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

export class StatementLine {
  assignmentId: string;
  requestId: string;
  professionalId: string;
  status: 'active' | 'completed';
  /** Hours spent when completed, else the booked hours (an estimate). */
  hours: number;
  costRate: number;
  amount: number;
}

export class StatementView {
  memberId: string;
  month: string;
  currency: 'CAD';
  lines: StatementLine[];
  totalHours: number;
  totalAmount: number;
}
