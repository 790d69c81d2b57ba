import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { IsCalendarDate } from '../common/calendar-date.js';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { URGENCY_LEVELS, type Urgency } from '../taxonomy/urgency.js';
import { NearestFitsView } from './nearest-fits.dto.js';

const DOMAIN_MESSAGE = `domain must be one of: ${EXPERTISE_DOMAIN_CODES.join(', ')}`;

/** Language of the explanations (from Accept-Language). */
class Explained {
  @ApiPropertyOptional({ enum: LANGUAGE_CODES, enumName: 'LanguageCode' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  lang?: LanguageCode;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Also list the professionals the hard constraints excluded, with why. */
  @ApiPropertyOptional({ description: 'Also list the professionals the hard constraints excluded, with why' })
  @IsOptional()
  @IsBoolean()
  explainExcluded?: boolean;

  /** Also the smallest changes that would make someone available (always for an unmatched request, unless false). */
  @ApiPropertyOptional({
    description:
      'Also the nearest fits: the smallest changes (fewer hours, a window stretched or shifted, a split, another language) that would make someone available. ' +
      'On by default for the matches of an unmatched request; for a search, only when true',
  })
  @IsOptional()
  @IsBoolean()
  nearestFits?: boolean;
}

export class RequestMatchesRequest extends Explained {
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;
}

/** An ad hoc "who would fit?" question that is not (yet) a request. */
export class MatchSearchRequest extends Explained {
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES, enumName: 'ExpertiseDomainCode' })
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: DOMAIN_MESSAGE })
  domain: ExpertiseDomainCode;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ minimum: 0.5, maximum: 2000 })
  @IsNumber({}, { message: 'hours must be a number' })
  @Min(0.5)
  @Max(2000)
  hours: number;

  @ApiProperty({ enum: LANGUAGE_CODES, enumName: 'LanguageCode' })
  @IsIn(LANGUAGE_CODES, { message: 'language must be fr or en' })
  language: LanguageCode;

  @ApiPropertyOptional({ enum: COOP_SECTOR_CODES, enumName: 'CoopSectorCode' })
  @IsOptional()
  @IsIn(COOP_SECTOR_CODES, { message: `sector must be one of: ${COOP_SECTOR_CODES.join(', ')}` })
  sector?: CoopSectorCode;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  onSite?: boolean;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, enumName: 'Urgency' })
  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  urgency?: Urgency;

  /** Words to match against skills and bio. */
  @ApiPropertyOptional({ maxLength: 2000, description: 'Words to match against skills and bio' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;

  /**
   * Rank every eligible professional (every active one with the domain and the language), not the
   * top that retrieval reads. For tools: the benchmark and the tests compare the two; the HTTP API
   * does not take it.
   */
  @IsOptional()
  @IsBoolean()
  exhaustive?: boolean;
}

export class CandidateView {
  @ApiProperty()
  rank: number;
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty()
  fullName: string;
  /** 0..1; only comparable within one ranking. */
  @ApiProperty({ minimum: 0, maximum: 1 })
  score: number;
  /** Every hard constraint holds, including free hours >= hours requested. */
  @ApiProperty()
  available: boolean;
  @ApiProperty()
  freeHours: number;
  @ApiProperty()
  estimatedCost: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  factors: Record<string, number>;
  @ApiProperty({ type: [String] })
  reasons: string[];
}

export class ExcludedView {
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty()
  fullName: string;
  @ApiProperty({ type: [String] })
  reasons: string[];
}

export class MatchListView {
  @ApiPropertyOptional({ format: 'uuid' })
  requestId?: string;
  @ApiProperty({ type: [CandidateView] })
  candidates: CandidateView[];
  @ApiPropertyOptional({ type: [ExcludedView] })
  excluded?: ExcludedView[];
  @ApiPropertyOptional({ type: NearestFitsView, description: 'When asked for, or for an unmatched request: what would make someone available' })
  nearestFits?: NearestFitsView;
}

export class AssignRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;

  /** Defaults to the request's estimated hours. */
  @ApiPropertyOptional({ minimum: 0.5, maximum: 2000, description: "Defaults to the request's estimated hours" })
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(2000)
  hours?: number;

  /** Why the coordinator chose this professional over the ranking or the current assignment (kept in the request's history). */
  @ApiPropertyOptional({ minLength: 2, maxLength: 1000, description: 'Why this professional rather than the best ranked or the current one (kept in the history)' })
  @IsOptional()
  @IsString()
  @Length(2, 1000)
  reason?: string;
}

export class DeclineAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @ApiProperty({ minLength: 2, maxLength: 1000 })
  @IsString()
  @Length(2, 1000)
  reason: string;
}

export class CompleteAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @ApiProperty({ minimum: 0, maximum: 5000 })
  @IsNumber({}, { message: 'hoursSpent must be a number' })
  @Min(0)
  @Max(5000)
  hoursSpent: number;
}

export class ListAssignmentsRequest extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('4') professionalId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('4') memberId?: string;
  @ApiPropertyOptional({ enum: ['active', 'declined', 'completed', 'cancelled'] })
  @IsOptional() @IsIn(['active', 'declined', 'completed', 'cancelled']) status?: 'active' | 'declined' | 'completed' | 'cancelled';
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  requestId: string;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty()
  hours: number;
  @ApiProperty()
  costRate: number;
  @ApiProperty()
  estimatedCost: number;
  @ApiProperty({ enum: ['active', 'declined', 'completed', 'cancelled'] })
  status: 'active' | 'declined' | 'completed' | 'cancelled';
  @ApiProperty()
  automatic: boolean;
  @ApiProperty({ type: Number, nullable: true })
  hoursSpent: number | null;
  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'When the request is shared between professionals: the share this part belongs to (null for a request one professional holds alone)' })
  shareId: string | null;
}

export class AssignmentPage {
  @ApiProperty({ type: [AssignmentView] })
  items: AssignmentView[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class StatementRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId: string;

  @ApiProperty({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', maxLength: 7, example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

export class StatementLine {
  @ApiProperty({ format: 'uuid' })
  assignmentId: string;
  @ApiProperty({ format: 'uuid' })
  requestId: string;
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty({ enum: ['active', 'completed'] })
  status: 'active' | 'completed';
  /** Hours spent when completed, else the booked hours (an estimate). */
  @ApiProperty({ description: 'Hours spent when completed, else the booked hours (an estimate)' })
  hours: number;
  @ApiProperty()
  costRate: number;
  @ApiProperty()
  amount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A shared request has one line per professional, each naming the share' })
  shareId: string | null;
}

export class StatementView {
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: '2026-11' })
  month: string;
  @ApiProperty({ enum: ['CAD'] })
  currency: 'CAD';
  @ApiProperty({ type: [StatementLine] })
  lines: StatementLine[];
  @ApiProperty()
  totalHours: number;
  @ApiProperty()
  totalAmount: number;
}
