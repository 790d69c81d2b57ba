import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AssignmentEvents,
  AssignmentView,
  AssignRequest,
  CompleteAssignmentRequest,
  DeclineAssignmentRequest,
  DomainException,
  ErrorCode,
  RequestEvents,
} from '@coop/contracts';
import { OutboxService, roundCents, Transactions } from '@coop/platform';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { EntityManager } from 'typeorm';
import { contextOfRequest } from '../match-request/match-context.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { openRequest } from '../match-request/open-request.js';
import type { AssignmentEntity } from './assignment.entity.js';
import { AssignmentRepository } from './assignment.repository.js';
import { toAssignmentView } from './assignment.view.js';
import { EarlierAttempts, hasTerms } from './earlier-attempts.js';
import { giveBackUnlessHeld } from './give-back.js';
import { newAssignment } from './new-assignment.js';
import { toSharePart } from './share-parts.js';

/**
 * Coordinators' actions on assignments. A booking is taken (refused if it breaks the availability
 * invariant) with the request locked, before the assignment that holds it commits; bookings are
 * given back by the event handlers that follow each change, so a release is retried until it
 * succeeds. What an assignment that died between the two left booked is adopted or released by
 * the next one (EarlierAttempts).
 */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly requests: MatchRequestRepository,
    private readonly assignments: AssignmentRepository,
    private readonly professionals: ProfessionalsPort,
    private readonly outbox: OutboxService,
    private readonly earlierAttempts: EarlierAttempts,
  ) {}

  /** Assigns a professional, replacing the current assignment if there is one (override). */
  async assign(command: AssignRequest): Promise<AssignmentView> {
    const request = await openRequest(this.requests, this.transactions.manager, command.requestId);
    const declined = await this.assignments.declinedProfessionals(this.transactions.manager, request.id);
    if (declined.has(command.professionalId)) {
      throw new DomainException(ErrorCode.Conflict, 'This professional declined this request', [
        { field: 'professionalId', message: 'declined this request' },
      ]);
    }
    const facts = await this.professionals.factsOf(command.professionalId, contextOfRequest(request, declined));
    if (!facts) throw DomainException.notFound('Professional', command.professionalId);
    if (!facts.active) throw new DomainException(ErrorCode.Conflict, 'This professional is inactive', [{ field: 'professionalId', message: 'inactive' }]);

    const hours = command.hours ?? request.estimatedHours;
    const terms = { startDate: request.startDate, endDate: request.endDate, hours };
    let reserved: string | undefined;
    try {
      return await this.transactions.run(async (manager) => {
        // Locked before anything is booked: a concurrent assignment of this request waits here, so
        // what it finds unheld below is what an attempt that died left, never one still at work.
        const locked = await openRequest(this.requests, manager, request.id, true);
        // Held alone, or the parts of a share: all of them are replaced.
        const replaced = await this.assignments.allActive(manager, locked.id);
        const previous = replaced[0];
        if (replaced.length === 1 && previous.shareId === null && previous.professionalId === facts.professionalId) {
          throw new DomainException(ErrorCode.Conflict, 'This professional is already assigned to this request');
        }
        // A retry of an assignment that died after booking finds its booking here and holds it.
        const adopted = await this.earlierAttempts.settle(manager, locked.id, (booking) => booking.professionalId === facts.professionalId && hasTerms(booking, terms));
        const assignmentId = adopted?.assignmentId ?? randomUUID();
        if (!adopted) {
          await this.professionals.reserve({ assignmentId, professionalId: facts.professionalId, requestId: locked.id, ...terms });
          reserved = assignmentId;
        }
        for (const held of replaced) await this.assignments.cancel(manager, held.id);
        const assignment = newAssignment(assignmentId, locked, facts, hours, false);
        await this.assignments.insert(manager, assignment);
        await this.requests.setStatus(manager, locked.id, 'assigned');
        await this.outbox.record(manager, RequestEvents.assigned, {
          requestId: locked.id,
          memberId: locked.memberId,
          assignmentId,
          professionalId: facts.professionalId,
          hours,
          estimatedCost: assignment.estimatedCost,
          automatic: false,
          ...(previous ? { replacesAssignmentId: previous.id } : {}),
          ...(replaced.length > 1 ? { replacesAssignmentIds: replaced.map((held) => held.id) } : {}),
          ...(command.reason ? { reason: command.reason } : {}),
        });
        return toAssignmentView(assignment);
      });
    } catch (error) {
      if (reserved) await giveBackUnlessHeld(reserved, this.assignments, this.professionals, this.logger);
      throw error;
    }
  }

  /** The professional cannot do it: the request goes back through matching, without them. */
  async decline(command: DeclineAssignmentRequest): Promise<AssignmentView> {
    return this.transactions.run(async (manager) => {
      const assignment = await this.activeAssignment(manager, command.assignmentId);
      assignment.status = 'declined';
      assignment.declineReason = command.reason;
      assignment.endedAt = new Date();
      await this.assignments.save(manager, assignment);
      // A part of a share: the other parts stay; matching looks for someone for the declined hours.
      await this.requests.setStatus(manager, assignment.requestId, 'submitted');
      await this.outbox.record(manager, AssignmentEvents.declined, {
        assignmentId: assignment.id,
        requestId: assignment.requestId,
        memberId: assignment.memberId,
        professionalId: assignment.professionalId,
        reason: command.reason,
        ...(assignment.shareId ? { shareId: assignment.shareId, keptParts: (await this.assignments.allActive(manager, assignment.requestId)).map(toSharePart) } : {}),
      });
      return toAssignmentView(assignment);
    });
  }

  async complete(command: CompleteAssignmentRequest): Promise<AssignmentView> {
    return this.transactions.run(async (manager) => {
      const assignment = await this.activeAssignment(manager, command.assignmentId);
      assignment.status = 'completed';
      assignment.hoursSpent = command.hoursSpent;
      assignment.endedAt = new Date();
      await this.assignments.save(manager, assignment);
      // A shared request is completed with its last part; each part records its own hours spent.
      const openParts = assignment.shareId ? (await this.assignments.allActive(manager, assignment.requestId)).length : 0;
      if (openParts === 0) await this.requests.setStatus(manager, assignment.requestId, 'completed');
      await this.outbox.record(manager, AssignmentEvents.completed, {
        assignmentId: assignment.id,
        requestId: assignment.requestId,
        memberId: assignment.memberId,
        professionalId: assignment.professionalId,
        hoursSpent: command.hoursSpent,
        cost: roundCents(command.hoursSpent * assignment.costRate),
        ...(assignment.shareId ? { shareId: assignment.shareId, openParts } : {}),
      });
      return toAssignmentView(assignment);
    });
  }


  /**
   * The assignment, locked after its request (the order every change of a request's assignments
   * takes), so two parts of a share declined or completed at once see each other's outcome.
   */
  private async activeAssignment(manager: EntityManager, assignmentId: string): Promise<AssignmentEntity> {
    const requestId = await this.assignments.requestOf(manager, assignmentId);
    if (!requestId) throw DomainException.notFound('Assignment', assignmentId);
    await this.requests.find(manager, requestId, { lock: true });
    const assignment = await this.assignments.lock(manager, assignmentId);
    if (!assignment) throw DomainException.notFound('Assignment', assignmentId);
    if (assignment.status !== 'active') {
      throw new DomainException(ErrorCode.InvalidStateTransition, `The assignment is ${assignment.status}, not active`);
    }
    return assignment;
  }
}
