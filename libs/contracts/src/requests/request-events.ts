import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../messaging/event-contract.js';
import { SharePart } from './share-part.js';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { DATE_PATTERN, RequestTerms } from './request-terms.js';

/** Emitted by members when a request is accepted. Matching computes candidates from it. */
export class RequestSubmittedEvent extends RequestTerms {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsISO8601() submittedAt: string;
  /** The member's cooperative sector when the request was submitted (absent from events written before it existed). */
  @IsOptional() @IsIn(COOP_SECTOR_CODES) memberSector?: CoopSectorCode;
  /** The member's policy: may an automatic assignment share the request between two professionals? (absent: no) */
  @IsOptional() @IsBoolean() autoAssignSplit?: boolean;
}

/** Emitted by matching when candidates were stored and a coordinator must choose (`pending_review`). */
export class RequestPendingReviewEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  /** How many of the matches stored for coordinators are available (available ones rank first; at most STORED_MATCHES). */
  @IsInt() @Min(0) availableCandidates: number;
}

/** Emitted by matching when a professional is booked for the request (automatically or by a coordinator). */
export class RequestAssignedEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsUUID() assignmentId: string;
  @IsUUID() professionalId: string;
  @IsNumber() @Min(0) hours: number;
  @IsNumber() @Min(0) estimatedCost: number;
  @IsBoolean() automatic: boolean;
  /** The assignment this one replaces (override or re-match after a decline). */
  @IsOptional() @IsUUID() replacesAssignmentId?: string;
  /** A coordinator's reason for choosing this professional (absent from automatic assignments and older events). */
  @IsOptional() @IsString() reason?: string;
  /**
   * A shared request: the share's id and every part, the first of which is also `assignmentId` and
   * `professionalId`; `hours` and `estimatedCost` are then the parts' together. Absent when one
   * professional holds the request.
   */
  @IsOptional() @IsUUID() shareId?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SharePart) parts?: SharePart[];
  /** Every assignment this one replaces, when it replaces a shared one (their first is `replacesAssignmentId`). */
  @IsOptional() @IsArray() @IsUUID('all', { each: true }) replacesAssignmentIds?: string[];
}

/** Days `YYYY-MM-DD`, both included. */
export class DateWindow {
  @ApiProperty({ format: 'date', example: '2027-03-08' })
  @Matches(DATE_PATTERN)
  startDate: string;

  @ApiProperty({ format: 'date', example: '2027-03-19' })
  @Matches(DATE_PATTERN)
  endDate: string;
}

/** One sentence in each language the consortium works in. */
export class LocalizedText {
  @ApiProperty({ example: 'Personne pour 30 h ; 24 h sont possibles dès maintenant, ou les 30 h si la période se termine le 19 mars 2027' })
  @IsString()
  fr: string;

  @ApiProperty({ example: 'Nobody for 30 h; 24 h are possible now, or all 30 h if the window ends on March 19, 2027' })
  @IsString()
  en: string;
}

/**
 * What the nearest fits of a request come to, naming no one: what a partner system can tell its
 * user when nobody is free. Carried by `request.unmatched` (and its webhook) and by the nearest
 * fits of a request's matches.
 */
export class NearestFitsSummary {
  @ApiProperty({ example: 30, description: 'The hours the request asks for' })
  @IsNumber()
  @Min(0)
  requestedHours: number;

  @ApiProperty({ example: 0, description: 'Professionals free for all of it as the request is (0 when it is unmatched)' })
  @IsInt()
  @Min(0)
  availableProfessionals: number;

  @ApiPropertyOptional({ example: 24, description: 'The most hours one professional can take now, over the window as it is' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  hoursPossibleNow?: number;

  @ApiPropertyOptional({ type: DateWindow, description: 'The nearest window (stretched or shifted) in which one professional could take all the hours' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateWindow)
  allHoursWindow?: DateWindow;

  @ApiPropertyOptional({ type: [Number], example: [18, 12], description: 'Two professionals together, over the window as it is: the hours of each' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsNumber({}, { each: true })
  splitHours?: number[];

  @ApiPropertyOptional({
    enum: LANGUAGE_CODES,
    enumName: 'LanguageCode',
    description: 'Someone is free for the whole window who does not speak the request’s language but this one: that relaxes a hard constraint',
  })
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  otherLanguage?: LanguageCode;

  @ApiProperty({ example: 5, description: 'How many nearest fits there are (coordinators see them on the request’s matches)' })
  @IsInt()
  @Min(0)
  suggestions: number;

  @ApiProperty({ type: LocalizedText })
  @ValidateNested()
  @Type(() => LocalizedText)
  text: LocalizedText;
}

/** Emitted by matching when no available professional exists; coordinators are alerted. */
export class RequestUnmatchedEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsString() reason: string;
  /** The smallest changes that would make someone available, in short (absent from events written before it existed). */
  @IsOptional()
  @ValidateNested()
  @Type(() => NearestFitsSummary)
  nearestFits?: NearestFitsSummary;
}

/** Emitted by members when a request is cancelled; matching releases any booking. */
export class RequestCancelledEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsOptional() @IsString() reason?: string;
}

/** Emitted by matching when a professional declines; the request goes back through matching. */
export class AssignmentDeclinedEvent {
  @IsUUID() assignmentId: string;
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsUUID() professionalId: string;
  @IsString() reason: string;
  /** A part of a shared request: the share, and the parts still held (the request is matched again for the declined part's hours only). */
  @IsOptional() @IsUUID() shareId?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SharePart) keptParts?: SharePart[];
}

/** Emitted by matching when work is done; the request is completed. */
export class AssignmentCompletedEvent {
  @IsUUID() assignmentId: string;
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsUUID() professionalId: string;
  @IsNumber() @Min(0) hoursSpent: number;
  @IsNumber() @Min(0) cost: number;
  /** A part of a shared request: the share, and how many of its parts are still active (the request is completed when none is; absent: 0). */
  @IsOptional() @IsUUID() shareId?: string;
  @IsOptional() @IsInt() @Min(0) openParts?: number;
}

/** Every event of a request's life (its assignments included) is handled in order. */
const byRequest = (event: { requestId: string }): string => `request:${event.requestId}`;

export const RequestEvents = {
  submitted: defineEvent('events.request.submitted.v1', RequestSubmittedEvent, byRequest),
  pendingReview: defineEvent('events.request.pending-review.v1', RequestPendingReviewEvent, byRequest),
  assigned: defineEvent('events.request.assigned.v1', RequestAssignedEvent, byRequest),
  unmatched: defineEvent('events.request.unmatched.v1', RequestUnmatchedEvent, byRequest),
  cancelled: defineEvent('events.request.cancelled.v1', RequestCancelledEvent, byRequest),
} as const;

export const AssignmentEvents = {
  declined: defineEvent('events.assignment.declined.v1', AssignmentDeclinedEvent, byRequest),
  completed: defineEvent('events.assignment.completed.v1', AssignmentCompletedEvent, byRequest),
} as const;
