import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AssignmentCompletedEvent,
  AssignmentDeclinedEvent,
  AssignmentEvents,
  type EventEnvelope,
  RequestAssignedEvent,
  RequestEvents,
  RequestPendingReviewEvent,
  RequestUnmatchedEvent,
  isOpen,
  type LifecycleEvent,
  type SharePart,
  toCents,
  toHours,
  transition,
  type Transition,
} from '@coop/contracts';
import { OnEvent, retryWhileYoung, roundCents } from '@coop/platform';
import type { RequestHistoryDetails } from './request-history.entity.js';
import type { ServiceRequestEntity } from './service-request.entity.js';
import { ServiceRequestRepository } from './service-request.repository.js';

/**
 * Keeps each request's status in step with what matching decides. Each handler runs once per event
 * (the consumer deduplicates) inside a transaction. An event that makes no sense for an open
 * request's state is retried for a while, in case the event it follows is late; in the end (and at
 * once for a closed or unknown request) it changes nothing and is logged.
 */
@Injectable()
export class RequestLifecycleHandler {
  private readonly logger = new Logger(RequestLifecycleHandler.name);

  constructor(private readonly requests: ServiceRequestRepository) {}

  @OnEvent(RequestEvents.pendingReview)
  onPendingReview(data: RequestPendingReviewEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.apply(manager, envelope, data, { kind: 'pending_review' }, { availableCandidates: data.availableCandidates }, (request) => {
      request.statusReason = null;
    });
  }

  @OnEvent(RequestEvents.assigned)
  onAssigned(data: RequestAssignedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const event: LifecycleEvent = { kind: 'assigned', assignmentId: data.assignmentId, replacesAssignmentId: data.replacesAssignmentId, replacesAssignmentIds: data.replacesAssignmentIds };
    const details: RequestHistoryDetails = {
      assignmentId: data.assignmentId,
      professionalId: data.professionalId,
      automatic: data.automatic,
      hours: data.hours,
      cost: data.estimatedCost,
      ...(data.replacesAssignmentId ? { replacesAssignmentId: data.replacesAssignmentId } : {}),
      ...(data.reason ? { reason: data.reason } : {}),
      ...(data.shareId ? { shareId: data.shareId, parts: data.parts } : {}),
    };
    return this.apply(manager, envelope, data, event, details, (request) => {
      request.assignmentId = data.assignmentId;
      request.professionalId = data.professionalId;
      request.assignedHours = data.hours;
      request.estimatedCost = data.estimatedCost;
      request.assignedAutomatically = data.automatic;
      request.shareId = data.shareId ?? null;
      request.assignmentParts = data.shareId && data.parts ? data.parts : null;
      request.statusReason = null;
    });
  }

  @OnEvent(RequestEvents.unmatched)
  onUnmatched(data: RequestUnmatchedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.apply(manager, envelope, data, { kind: 'unmatched' }, { reason: data.reason }, (request) => {
      request.statusReason = data.reason;
    });
  }

  /** Back to matching, which looks again without the professional who declined. */
  @OnEvent(AssignmentEvents.declined)
  onDeclined(data: AssignmentDeclinedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const details = { assignmentId: data.assignmentId, professionalId: data.professionalId, reason: data.reason };
    return this.apply(manager, envelope, data, { kind: 'declined', assignmentId: data.assignmentId }, details, (request) => {
      const kept = data.keptParts ?? [];
      if (kept.length > 0) {
        // A part of a shared request: the others keep theirs while matching looks for the rest.
        keepParts(request, kept);
      } else {
        request.assignmentId = null;
        request.professionalId = null;
        request.assignedHours = null;
        request.estimatedCost = null;
        request.assignedAutomatically = null;
        request.shareId = null;
        request.assignmentParts = null;
      }
      request.statusReason = data.reason;
    });
  }

  @OnEvent(AssignmentEvents.completed)
  onCompleted(data: AssignmentCompletedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const details = { assignmentId: data.assignmentId, professionalId: data.professionalId, hours: data.hoursSpent, cost: data.cost };
    const event: LifecycleEvent = { kind: 'completed', assignmentId: data.assignmentId, openParts: data.openParts };
    return this.apply(manager, envelope, data, event, details, () => undefined);
  }

  private async apply(
    manager: EntityManager,
    envelope: EventEnvelope,
    data: { requestId: string; memberId: string },
    event: LifecycleEvent,
    details: RequestHistoryDetails,
    update: (request: ServiceRequestEntity) => void,
  ): Promise<void> {
    const context = { eventId: envelope.id, event: envelope.type, requestId: data.requestId };
    const request = await this.requests.lock(manager, { id: data.requestId });
    if (!request || request.memberId !== data.memberId) {
      this.logger.warn({ msg: 'ignoring an event about an unknown request', ...context, memberId: data.memberId });
      return;
    }
    const next = transition(request, event);
    if ('unchanged' in next) {
      const why = await this.whyUnchanged(manager, request, event, next);
      if (why === undefined) retryWhileYoung(envelope, next.why);
      const log = { msg: 'ignoring a request event that changes nothing', ...context, status: request.status, why: why ?? next.why };
      if (next.unchanged === 'repeat') this.logger.debug(log);
      else this.logger.warn(log);
      return;
    }
    request.status = next.to;
    update(request);
    await this.requests.save(manager, request, { type: event.kind, details, occurredAt: new Date(envelope.occurredAt) });
    this.logger.log({ msg: 'request status changed', ...context, status: next.to });
  }

  /**
   * Why an event that changes nothing can be let go, or undefined while it may still fit: with
   * several replicas, the event it follows (an assignment before its completion or decline) may be in
   * another replica's hands. Not so for an assignment an override has replaced already: no later
   * event makes it current again.
   */
  private async whyUnchanged(
    manager: EntityManager,
    request: ServiceRequestEntity,
    event: LifecycleEvent,
    next: Extract<Transition, { unchanged: unknown }>,
  ): Promise<string | undefined> {
    if (next.unchanged === 'repeat' || !isOpen(request.status)) return next.why;
    if ('assignmentId' in event && (await this.requests.wasReplaced(manager, request.id, event.assignmentId))) return 'its assignment was replaced by a later one';
    return undefined;
  }
}

/** What a shared request still holds after one part declined. */
function keepParts(request: ServiceRequestEntity, kept: SharePart[]): void {
  request.assignmentId = kept[0].assignmentId;
  request.professionalId = kept[0].professionalId;
  request.assignedHours = toHours(kept.reduce((sum, part) => sum + toCents(part.hours), 0));
  request.estimatedCost = roundCents(kept.reduce((sum, part) => sum + part.estimatedCost, 0));
  request.assignmentParts = kept;
}
