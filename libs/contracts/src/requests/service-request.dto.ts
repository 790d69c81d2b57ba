import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, IsPositive, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { PageQuery } from '../common/pagination.js';
import { REGION_MAX_LENGTH, REGION_PATTERN } from '../members/member.dto.js';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { URGENCY_LEVELS, type Urgency } from '../taxonomy/urgency.js';
import { REQUEST_HISTORY_TYPES, REQUEST_STATUSES, type RequestHistoryType, type RequestStatus } from './request-lifecycle.js';
import { SharePart } from './share-part.js';

/** A request's window lasts at most this many days (a year, leap day included). */
export const MAX_REQUEST_WINDOW_DAYS = 366;

/** Idempotency-Key header values: printable ASCII without spaces, e.g. a UUID. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** What a partner or coordinator says about the work they need. */
export class ServiceRequestFields {
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES, enumName: 'ExpertiseDomainCode' })
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: 'domain must be one of the codes of GET /v1/domains' })
  domain: ExpertiseDomainCode;

  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Remplacement de la coordonnatrice du congrès annuel' })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  description: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First day of the work (today or later)' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ format: 'date', example: '2026-12-19', description: 'Last day of the work (on or after startDate)' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: 9999,
    example: 60,
    description: 'Hours of work; at most 8 per working day (Mon-Fri) of the window, i.e. 40 h per full working week',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'estimatedHours must be a number with at most 2 decimals' })
  @IsPositive()
  @Max(9999)
  estimatedHours: number;

  @ApiPropertyOptional({ enum: LANGUAGE_CODES, enumName: 'LanguageCode', description: "Defaults to the member's language" })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'language must be fr or en' })
  language?: LanguageCode;

  @ApiPropertyOptional({ pattern: REGION_PATTERN.source, maxLength: REGION_MAX_LENGTH, description: "Where on-site work happens; defaults to the member's region" })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: 'region must be a lower-case code such as montreal' })
  region?: string;

  @ApiPropertyOptional({ default: false, description: 'The professional must work on site (in the region)' })
  @IsOptional()
  @IsBoolean()
  onSite?: boolean;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, enumName: 'Urgency', default: 'normal' })
  @IsOptional()
  @IsIn(URGENCY_LEVELS, { message: `urgency must be one of: ${URGENCY_LEVELS.join(', ')}` })
  urgency?: Urgency;

  @ApiPropertyOptional({ description: "Overrides the member's autoAssign policy for this request" })
  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;
}

/** POST /v1/requests. A partner's member comes from its key; a coordinator names it. */
export class SubmitServiceRequestBody extends ServiceRequestFields {
  @ApiPropertyOptional({ format: 'uuid', description: "Coordinators: the member the request is for. Partners: omit it (or send their own member's id)" })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** Where an Idempotency-Key is remembered: `scope` is the caller's credential id. */
export class IdempotencyKeyRef {
  @IsString()
  @Length(1, 100)
  scope: string;

  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces' })
  key: string;
}

export class SubmitServiceRequestCommand extends ServiceRequestFields {
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdempotencyKeyRef)
  idempotency?: IdempotencyKeyRef;
}

/** The 202 answer to a submission (also what an idempotent replay answers). */
export class SubmissionAccepted {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  status: RequestStatus;
}

export class SubmissionResult extends SubmissionAccepted {
  /** True when this answer is the stored one of an earlier call with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * A request by id, seen by someone. `memberId` is the caller's scope: when set (a partner), a
 * request of another member is answered `not_found`, exactly like one that does not exist.
 */
export class ServiceRequestIdRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;

  @IsOptional()
  @IsUUID('4')
  memberId?: string;
}

export class CancelServiceRequestBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class CancelServiceRequestCommand extends ServiceRequestIdRequest {
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class ListServiceRequestsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of: ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;

  @ApiPropertyOptional({ enum: EXPERTISE_DOMAIN_CODES, enumName: 'ExpertiseDomainCode' })
  @IsOptional()
  @IsIn(EXPERTISE_DOMAIN_CODES, { message: 'domain must be one of the codes of GET /v1/domains' })
  domain?: ExpertiseDomainCode;

  @ApiPropertyOptional({ format: 'uuid', description: "Coordinators: one member's requests. A partner always sees only its own" })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

export class AssignmentSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty()
  hours: number;
  @ApiProperty({ description: 'hours x the professional’s cost rate' })
  estimatedCost: number;
  @ApiProperty({ description: 'Assigned by the system rather than a coordinator' })
  automatic: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'A shared request: the share (id, professionalId are then its first part; hours and estimatedCost, all parts together)' })
  shareId?: string;
  @ApiPropertyOptional({ type: [SharePart], description: 'A shared request: every professional and their hours' })
  parts?: SharePart[];
}

export class ServiceRequestView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES, enumName: 'ExpertiseDomainCode' })
  domain: ExpertiseDomainCode;
  @ApiProperty()
  title: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ format: 'date' })
  startDate: string;
  @ApiProperty({ format: 'date' })
  endDate: string;
  @ApiProperty()
  estimatedHours: number;
  @ApiProperty({ enum: LANGUAGE_CODES, enumName: 'LanguageCode' })
  language: LanguageCode;
  @ApiProperty()
  region: string;
  @ApiProperty()
  onSite: boolean;
  @ApiProperty({ enum: URGENCY_LEVELS, enumName: 'Urgency' })
  urgency: Urgency;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The override sent with the request, if any' })
  autoAssignOverride: boolean | null;
  @ApiProperty({ description: "Whether matching may assign on its own (the override, else the member's policy)" })
  autoAssign: boolean;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  status: RequestStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it is unmatched, declined back to matching, or cancelled' })
  statusReason: string | null;
  @ApiProperty({ type: AssignmentSummary, nullable: true })
  assignment: AssignmentSummary | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ServiceRequestPage {
  @ApiProperty({ type: [ServiceRequestView] })
  items: ServiceRequestView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class RequestHistoryEntry {
  @ApiProperty({ enum: REQUEST_HISTORY_TYPES, enumName: 'RequestHistoryType' })
  type: RequestHistoryType;
  @ApiProperty({ format: 'date-time', description: 'When it happened (the event’s time)' })
  occurredAt: string;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus', description: 'The request’s status after it' })
  status: RequestStatus;
  @ApiPropertyOptional({ format: 'uuid' })
  assignmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  professionalId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'assigned: the assignment this one replaces (override, or re-match after a decline)' })
  replacesAssignmentId?: string;
  @ApiPropertyOptional({ description: 'assigned: by the system rather than a coordinator' })
  automatic?: boolean;
  @ApiPropertyOptional({ description: 'assigned: booked hours; completed: hours spent' })
  hours?: number;
  @ApiPropertyOptional({ description: 'assigned: estimated cost; completed: cost' })
  cost?: number;
  @ApiPropertyOptional({ description: 'pending_review: how many of the stored matches are available (at most 10)' })
  availableCandidates?: number;
  @ApiPropertyOptional({ description: 'unmatched, declined, cancelled: why; assigned: the coordinator’s reason for the choice' })
  reason?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'assigned: a shared request’s share (assignmentId and professionalId are its first part, hours all of them)' })
  shareId?: string;
  @ApiPropertyOptional({ type: [SharePart], description: 'assigned: a shared request’s parts, each professional and their hours' })
  parts?: SharePart[];
}

export class RequestHistoryView {
  @ApiProperty({ format: 'uuid' })
  requestId: string;
  @ApiProperty({ type: [RequestHistoryEntry], description: 'Oldest first' })
  entries: RequestHistoryEntry[];
}
