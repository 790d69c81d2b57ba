import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, RequestEvents, toCents, toHours, type NearestFitView, type ReserveRequest } from '@coop/contracts';
import { OutboxService } from '@coop/platform';
import { ProfessionalsPort, type ProfessionalFacts } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { contextOfRequest, textOfRequest } from '../match-request/match-context.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { availableAmongStored, MatchService } from './match.service.js';
import type { MatchContext } from '../ranking/candidate-facts.js';
import { derivedAssignmentId } from '../assignment/assignment-id.js';
import type { AssignmentEntity } from '../assignment/assignment.entity.js';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { EarlierAttempts, hasTerms } from '../assignment/earlier-attempts.js';
import { newAssignment } from '../assignment/new-assignment.js';
import { sharedAssignedEvent, totalHours } from '../assignment/share-parts.js';

/**
 * Matching for shared requests, inside the event handler's transaction with the request locked
 * (AssignmentMatcher calls it):
 * - after one part of a share declined, the other parts stay and matching looks for someone for
 *   the hours the share is short of, without those who declined or already hold a part;
 * - when nobody is free for a whole request and its member allows it, automatic assignment takes
 *   the nearest fits' best split, both parts booked in one call (all or none).
 * Assignment ids are derived (request, professional, round), so a redelivered event books the
 * same ids again, which the professionals service takes as the same booking.
 */
@Injectable()
export class ShareMatcher {
  private readonly logger = new Logger(ShareMatcher.name);

  constructor(
    private readonly matches: MatchService,
    private readonly professionals: ProfessionalsPort,
    private readonly outbox: OutboxService,
    private readonly earlierAttempts: EarlierAttempts,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
    private readonly requests: MatchRequestRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  /** `standing`: the share's parts still active or completed. `declined`: who declined the request. */
  async fillShare(manager: EntityManager, request: MatchRequestEntity, standing: AssignmentEntity[], declined: Set<string>, retry: boolean): Promise<void> {
    const missing = toHours(toCents(request.estimatedHours) - toCents(totalHours(standing)));
    if (missing <= 0) {
      await this.finish(manager, request, 'assigned');
      return;
    }
    const holders = standing.map((part) => part.professionalId);
    const context: MatchContext = { ...contextOfRequest(request, [...declined, ...holders]), estimatedHours: missing };
    const terms = { startDate: request.startDate, endDate: request.endDate, hours: missing };

    if (retry) {
      const adopted = await this.earlierAttempts.settle(manager, request.id, (booking) => request.autoAssign && !context.declinedBy.has(booking.professionalId) && hasTerms(booking, terms));
      if (adopted) {
        const facts = await this.professionals.factsOf(adopted.professionalId, context);
        if (facts?.active) return this.addPart(manager, request, standing, adopted.assignmentId, facts, missing);
        await this.professionals.release(adopted.assignmentId);
      }
    }

    const ranking = await this.matches.rank(context, { text: textOfRequest(request), memberId: request.memberId }, manager);
    request.lastMatches = this.matches.toView(ranking, context, request.language, this.config.STORED_MATCHES, false);
    const available = ranking.candidates.filter((candidate) => candidate.available);
    if (available.length > 0 && !request.autoAssign) {
      await this.finish(manager, request, 'pending_review');
      await this.outbox.record(manager, RequestEvents.pendingReview, { requestId: request.id, memberId: request.memberId, availableCandidates: availableAmongStored(available, this.config.STORED_MATCHES) });
      return;
    }
    for (const candidate of available) {
      const assignmentId = derivedAssignmentId(request.id, candidate.facts.professionalId, declined.size);
      if (!(await this.booked(() => this.professionals.reserve({ assignmentId, professionalId: candidate.facts.professionalId, requestId: request.id, ...terms }), request))) continue;
      return this.addPart(manager, request, standing, assignmentId, candidate.facts, missing);
    }
    await this.finish(manager, request, 'unmatched');
    await this.outbox.record(manager, RequestEvents.unmatched, {
      requestId: request.id,
      memberId: request.memberId,
      reason: `no professional free for the ${missing} h the shared request is short of`,
    });
  }

  /**
   * Automatic assignment of the nearest fits' best split, when the member allows it. False when
   * there is none, or when its capacity was taken meanwhile (the request is then unmatched).
   */
  async assignSplit(manager: EntityManager, request: MatchRequestEntity, suggestions: readonly NearestFitView[], declined: Set<string>): Promise<boolean> {
    const split = suggestions.find((suggestion) => suggestion.kind === 'split');
    if (!split) return false;
    const context = contextOfRequest(request, declined);
    const facts: ProfessionalFacts[] = [];
    for (const part of split.professionals) {
      const found = await this.professionals.factsOf(part.professionalId, { ...context, estimatedHours: part.hours });
      if (!found?.active) return false;
      facts.push(found);
    }
    const shareId = derivedAssignmentId(request.id, 'share', declined.size);
    const bookings: Array<Required<ReserveRequest>> = split.professionals.map((part) => ({
      assignmentId: derivedAssignmentId(request.id, part.professionalId, declined.size),
      professionalId: part.professionalId,
      requestId: request.id,
      startDate: request.startDate,
      endDate: request.endDate,
      hours: part.hours,
    }));
    if (!(await this.booked(() => this.professionals.reserveShared(bookings), request))) return false;
    const parts = bookings.map((booking, index) => newAssignment(booking.assignmentId, request, facts[index], booking.hours, true, shareId));
    await this.assignments.insertAll(manager, parts);
    await this.finish(manager, request, 'assigned');
    await this.recordAssigned(manager, request, parts, shareId);
    return true;
  }

  private async addPart(manager: EntityManager, request: MatchRequestEntity, standing: AssignmentEntity[], assignmentId: string, facts: ProfessionalFacts, hours: number): Promise<void> {
    const shareId = standing[0].shareId!;
    const part = newAssignment(assignmentId, request, facts, hours, true, shareId);
    await this.assignments.insert(manager, part);
    await this.finish(manager, request, 'assigned');
    await this.recordAssigned(manager, request, [...standing, part], shareId);
  }

  private async recordAssigned(manager: EntityManager, request: MatchRequestEntity, parts: AssignmentEntity[], shareId: string): Promise<void> {
    await this.outbox.record(manager, RequestEvents.assigned, sharedAssignedEvent(request, parts, shareId, true));
  }

  /** false when the capacity was just taken; other failures propagate (the event is retried). */
  private async booked(reserve: () => Promise<void>, request: MatchRequestEntity): Promise<boolean> {
    try {
      await reserve();
      return true;
    } catch (error) {
      if (error instanceof DomainException && (error.code === ErrorCode.CapacityExceeded || error.code === ErrorCode.Conflict)) {
        this.logger.log({ msg: 'capacity taken meanwhile for a shared request', requestId: request.id });
        return false;
      }
      throw error;
    }
  }

  private async finish(manager: EntityManager, request: MatchRequestEntity, status: MatchRequestEntity['status']): Promise<void> {
    await this.requests.setStatus(manager, request.id, status, request.lastMatches);
  }
}
