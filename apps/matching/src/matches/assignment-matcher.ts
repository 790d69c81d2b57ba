import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, RequestEvents, type RequestBooking } from '@coop/contracts';
import { OutboxService } from '@coop/platform';
import { ProfessionalsPort, ProfessionalFacts } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { contextOfRequest, textOfRequest } from '../match-request/match-context.js';
import { availableAmongStored, MatchService } from './match.service.js';
import { NearestFitsService } from './nearest-fits.service.js';
import type { MatchContext } from '../ranking/candidate-facts.js';
import { derivedAssignmentId } from '../assignment/assignment-id.js';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { EarlierAttempts, hasTerms } from '../assignment/earlier-attempts.js';
import { newAssignment } from '../assignment/new-assignment.js';
import { ShareMatcher } from './share-matcher.js';

/**
 * Sends a request through matching: on submission and again after a decline. When the request
 * allows it, books the best available candidate, falling back to the next when a concurrent
 * booking took the capacity; with no available candidate the request is unmatched, and without
 * automatic assignment it waits for review (both with the ranking kept for coordinators). Runs
 * inside the event handler's transaction with the request row locked, so replicas and coordinators
 * cannot assign the same request twice.
 */
@Injectable()
export class AssignmentMatcher {
  private readonly logger = new Logger(AssignmentMatcher.name);

  constructor(
    private readonly matches: MatchService,
    private readonly professionals: ProfessionalsPort,
    private readonly outbox: OutboxService,
    private readonly earlierAttempts: EarlierAttempts,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
    private readonly nearestFits: NearestFitsService,
    private readonly requests: MatchRequestRepository,
    private readonly assignments: AssignmentRepository,
    private readonly shares: ShareMatcher,
  ) {}

  /**
   * `retry` says an earlier attempt at this same event may have booked someone and died before its
   * assignment was saved: what it booked is adopted or released before anything is ranked again.
   * `submitted` is the copy of the request this transaction has just kept (so locked, and without
   * assignments yet), when it has.
   */
  async run(manager: EntityManager, requestId: string, { retry = false, submitted }: { retry?: boolean; submitted?: MatchRequestEntity } = {}): Promise<void> {
    const request = submitted ?? (await this.requests.find(manager, requestId, { lock: true }));
    if (!request || request.status !== 'submitted') return;
    const earlier = submitted ? [] : await this.assignments.standing(manager, requestId);
    if (earlier.some((assignment) => assignment.status === 'active' && assignment.shareId === null)) return;

    const declined = new Set(earlier.filter((assignment) => assignment.status === 'declined').map((assignment) => assignment.professionalId));
    // A part of a share declined: the other parts stay, and matching looks for the hours it lacks.
    const standing = earlier.filter((assignment) => assignment.shareId !== null && assignment.status !== 'declined');
    if (standing.length > 0) return this.shares.fillShare(manager, request, standing, declined, retry);
    const context = contextOfRequest(request, declined);
    if (retry && (await this.adoptEarlierBooking(manager, request, context))) return;

    const text = textOfRequest(request);
    // Nearly always the best can be booked: they alone are ranked exactly first (half the reading).
    const fitting = request.autoAssign ? await this.matches.rank(context, { text, memberId: request.memberId, fittingOnly: true, top: 1 }, manager) : undefined;
    const best = fitting?.candidates.find((candidate) => candidate.available)?.facts;
    if (best && (await this.book(manager, request, best, declined))) return;

    // Everyone, exactly for the first STORED_MATCHES: the next when the best was just booked by
    // another request, or who was close when nobody is free (from what the first ranking read).
    const ranking = await this.matches.rank(context, { text, memberId: request.memberId, after: fitting?.reading }, manager);
    const available = ranking.candidates.filter((candidate) => candidate.available);
    // The ranking is kept for coordinators when the request waits for them (unmatched, or to review).
    const forCoordinators = () => this.matches.toView(ranking, context, request.language, this.config.STORED_MATCHES, false);

    if (available.length === 0) {
      const nearest = await this.nearestFits.ofUnmatched(request, context, ranking, manager);
      request.lastMatches = { ...forCoordinators(), nearestFits: nearest.view };
      // Nobody for all of it: two together, when the member's policy allows a split.
      if (request.autoAssign && request.autoAssignSplit && (await this.shares.assignSplit(manager, request, nearest.view.suggestions, declined))) return;
      await this.finish(manager, request, 'unmatched');
      await this.outbox.record(manager, RequestEvents.unmatched, {
        requestId,
        memberId: request.memberId,
        reason: ranking.candidates.length === 0 ? 'no professional with this domain and language' : 'no professional free for the whole window',
        nearestFits: nearest.summary,
      });
      return;
    }
    if (!request.autoAssign) {
      request.lastMatches = forCoordinators();
      await this.finish(manager, request, 'pending_review');
      await this.outbox.record(manager, RequestEvents.pendingReview, { requestId, memberId: request.memberId, availableCandidates: availableAmongStored(available, this.config.STORED_MATCHES) });
      return;
    }
    for (const candidate of available) {
      if (candidate.facts.professionalId === best?.professionalId) continue; // just tried
      if (await this.book(manager, request, candidate.facts, declined)) return;
    }
    request.lastMatches = forCoordinators();
    await this.finish(manager, request, 'unmatched');
    await this.outbox.record(manager, RequestEvents.unmatched, { requestId, memberId: request.memberId, reason: 'every available professional was booked meanwhile' });
  }

  /**
   * Settles what earlier attempts booked for this request: the booking of an automatic attempt
   * that would be made again (same window and hours, someone who has not declined, still active)
   * becomes the assignment; every other one is released, so the ranking that follows sees the
   * professionals' real free hours. True when a booking was adopted.
   */
  private async adoptEarlierBooking(manager: EntityManager, request: MatchRequestEntity, context: MatchContext): Promise<boolean> {
    const terms = { startDate: request.startDate, endDate: request.endDate, hours: request.estimatedHours };
    const adoptable = (booking: RequestBooking): boolean => request.autoAssign && !context.declinedBy.has(booking.professionalId) && hasTerms(booking, terms);
    const adopted = await this.earlierAttempts.settle(manager, request.id, adoptable);
    if (!adopted) return false;
    const facts = await this.professionals.factsOf(adopted.professionalId, context);
    if (!facts?.active) {
      await this.professionals.release(adopted.assignmentId);
      return false;
    }
    await this.assign(manager, request, adopted.assignmentId, facts);
    return true;
  }

  private async assign(manager: EntityManager, request: MatchRequestEntity, assignmentId: string, facts: ProfessionalFacts): Promise<void> {
    const assignment = newAssignment(assignmentId, request, facts, request.estimatedHours, true);
    request.lastMatches = null; // assigned: nothing waits for a coordinator
    const event = this.outbox.entry(manager, RequestEvents.assigned, {
      requestId: request.id,
      memberId: request.memberId,
      assignmentId,
      professionalId: assignment.professionalId,
      hours: assignment.hours,
      estimatedCost: assignment.estimatedCost,
      automatic: true,
    });
    // The assignment, the request's move to assigned and its event: one statement.
    await this.requests.setStatus(manager, request.id, 'assigned', request.lastMatches, [this.assignments.insertion(manager, assignment), event.insert]);
  }

  /** Books this candidate and assigns them; false when their capacity was just taken. */
  private async book(manager: EntityManager, request: MatchRequestEntity, facts: ProfessionalFacts, declined: ReadonlySet<string>): Promise<boolean> {
    const assignmentId = derivedAssignmentId(request.id, facts.professionalId, declined.size);
    if (!(await this.tryReserve(assignmentId, facts, request))) return false;
    await this.assign(manager, request, assignmentId, facts);
    return true;
  }

  /** false when the capacity was just taken (try the next candidate); other failures propagate (retry later). */
  private async tryReserve(assignmentId: string, facts: ProfessionalFacts, request: MatchRequestEntity): Promise<boolean> {
    try {
      await this.professionals.reserve({
        assignmentId,
        professionalId: facts.professionalId,
        requestId: request.id,
        startDate: request.startDate,
        endDate: request.endDate,
        hours: request.estimatedHours,
      });
      return true;
    } catch (error) {
      if (error instanceof DomainException && (error.code === ErrorCode.CapacityExceeded || error.code === ErrorCode.Conflict)) {
        this.logger.log({ msg: 'capacity taken meanwhile; trying the next candidate', requestId: request.id, professionalId: facts.professionalId });
        return false;
      }
      throw error;
    }
  }

  private async finish(manager: EntityManager, request: MatchRequestEntity, status: MatchRequestEntity['status']): Promise<void> {
    await this.requests.setStatus(manager, request.id, status, request.lastMatches);
  }
}
