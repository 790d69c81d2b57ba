import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../messaging/event-contract.js';
import { COOP_SECTOR_CODES, type CoopSectorCode } from '../taxonomy/coop-sectors.js';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { URGENCY_LEVELS, type Urgency } from '../taxonomy/urgency.js';

/** Dates of a request window are calendar days, `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Emitted by members when a request is accepted. Matching computes candidates from it. */
export class RequestSubmittedEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsIn(EXPERTISE_DOMAIN_CODES) domain: ExpertiseDomainCode;
  @IsString() title: string;
  @IsString() description: string;
  @Matches(DATE_PATTERN) startDate: string;
  @Matches(DATE_PATTERN) endDate: string;
  @IsNumber() @Min(0) estimatedHours: number;
  @IsIn(LANGUAGE_CODES) language: LanguageCode;
  @IsOptional() @IsString() region?: string;
  @IsBoolean() onSite: boolean;
  @IsIn(URGENCY_LEVELS) urgency: Urgency;
  /** The member's policy with the request's override applied: may matching assign on its own? */
  @IsBoolean() autoAssign: boolean;
  @IsISO8601() submittedAt: string;
  /** The member's cooperative sector when the request was submitted (absent from events written before it existed). */
  @IsOptional() @IsIn(COOP_SECTOR_CODES) memberSector?: CoopSectorCode;
}

/** Emitted by matching when candidates were stored and a coordinator must choose (`pending_review`). */
export class RequestPendingReviewEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
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
}

/** Emitted by matching when no available professional exists; coordinators are alerted. */
export class RequestUnmatchedEvent {
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsString() reason: string;
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
}

/** Emitted by matching when work is done; the request is completed. */
export class AssignmentCompletedEvent {
  @IsUUID() assignmentId: string;
  @IsUUID() requestId: string;
  @IsUUID() memberId: string;
  @IsUUID() professionalId: string;
  @IsNumber() @Min(0) hoursSpent: number;
  @IsNumber() @Min(0) cost: number;
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
