import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
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
import { OutboxService, roundCents } from '@coop/platform';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { contextOfRequest } from '../matching/match-context.js';
import { declinedProfessionals } from './assignment-matcher.js';
import { newAssignment } from './new-assignment.js';
import { AssignmentEntity } from './assignment.entity.js';
import { toAssignmentView } from './assignment.view.js';
import { EarlierAttempts, hasTerms } from './earlier-attempts.js';
import { activeAssignments, toSharePart } from './share-parts.js';

const CLOSED: ReadonlyArray<MatchRequestEntity['status']> = ['cancelled', 'completed'];

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly professionals: ProfessionalsPort,
    private readonly outbox: OutboxService,
    private readonly earlierAttempts: EarlierAttempts,
  ) {}

  /** Assigns a professional, replacing the current assignment if there is one (override). */
  async assign(command: AssignRequest): Promise<AssignmentView> {
    const request = await this.openRequest(this.dataSource.manager, command.requestId);
    const declined = await declinedProfessionals(this.dataSource.manager, request.id);
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
      return await this.dataSource.transaction(async (manager) => {
        // Locked before anything is booked: a concurrent assignment of this request waits here, so
        // what it finds unheld below is what an attempt that died left, never one still at work.
        const locked = await this.openRequest(manager, request.id, true);
        // Held alone, or the parts of a share: all of them are replaced.
        const replaced = await activeAssignments(manager, locked.id);
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
        for (const held of replaced) await manager.update(AssignmentEntity, { id: held.id }, { status: 'cancelled', endedAt: new Date() });
        const assignment = await manager.save(newAssignment(assignmentId, locked, facts, hours, false));
        await manager.update(MatchRequestEntity, { id: locked.id }, { status: 'assigned', updatedAt: new Date() });
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
      if (reserved) await this.giveBackUnlessHeld(reserved);
      throw error;
    }
  }

  /**
   * After a failed assignment transaction: releases its booking, unless the assignment exists after
   * all (a commit whose answer was lost) or that cannot be known now (Postgres gone), in which case
   * the next attempt on the request, or the reconciler, settles it.
   */
  private async giveBackUnlessHeld(assignmentId: string): Promise<void> {
    try {
      if (await this.dataSource.manager.existsBy(AssignmentEntity, { id: assignmentId })) return;
      await this.professionals.release(assignmentId);
    } catch (releaseError: unknown) {
      this.logger.error({ msg: 'could not give back a booking after a failed assignment; the next attempt or the reconciler will', assignmentId, err: releaseError });
    }
  }

  /** The professional cannot do it: the request goes back through matching, without them. */
  async decline(command: DeclineAssignmentRequest): Promise<AssignmentView> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.activeAssignment(manager, command.assignmentId);
      assignment.status = 'declined';
      assignment.declineReason = command.reason;
      assignment.endedAt = new Date();
      await manager.save(assignment);
      // A part of a share: the other parts stay; matching looks for someone for the declined hours.
      await manager.update(MatchRequestEntity, { id: assignment.requestId }, { status: 'matching', updatedAt: new Date() });
      await this.outbox.record(manager, AssignmentEvents.declined, {
        assignmentId: assignment.id,
        requestId: assignment.requestId,
        memberId: assignment.memberId,
        professionalId: assignment.professionalId,
        reason: command.reason,
        ...(assignment.shareId ? { shareId: assignment.shareId, keptParts: (await activeAssignments(manager, assignment.requestId)).map(toSharePart) } : {}),
      });
      return toAssignmentView(assignment);
    });
  }

  async complete(command: CompleteAssignmentRequest): Promise<AssignmentView> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.activeAssignment(manager, command.assignmentId);
      assignment.status = 'completed';
      assignment.hoursSpent = command.hoursSpent;
      assignment.endedAt = new Date();
      await manager.save(assignment);
      // A shared request is completed with its last part; each part records its own hours spent.
      const openParts = assignment.shareId ? (await activeAssignments(manager, assignment.requestId)).length : 0;
      if (openParts === 0) await manager.update(MatchRequestEntity, { id: assignment.requestId }, { status: 'completed', updatedAt: new Date() });
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

  private async openRequest(manager: EntityManager, requestId: string, lock = false): Promise<MatchRequestEntity> {
    const request = await manager.findOne(MatchRequestEntity, { where: { id: requestId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!request) throw DomainException.notFound('Request', requestId);
    if (CLOSED.includes(request.status)) {
      throw new DomainException(ErrorCode.InvalidStateTransition, `The request is ${request.status}`);
    }
    return request;
  }

  /**
   * The assignment, locked after its request (the order every change of a request's assignments
   * takes), so two parts of a share declined or completed at once see each other's outcome.
   */
  private async activeAssignment(manager: EntityManager, assignmentId: string): Promise<AssignmentEntity> {
    const unlocked = await manager.findOne(AssignmentEntity, { where: { id: assignmentId }, select: { id: true, requestId: true } });
    if (!unlocked) throw DomainException.notFound('Assignment', assignmentId);
    await manager.findOne(MatchRequestEntity, { where: { id: unlocked.requestId }, lock: { mode: 'pessimistic_write' } });
    const assignment = await manager.findOne(AssignmentEntity, { where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
    if (!assignment) throw DomainException.notFound('Assignment', assignmentId);
    if (assignment.status !== 'active') {
      throw new DomainException(ErrorCode.InvalidStateTransition, `The assignment is ${assignment.status}, not active`);
    }
    return assignment;
  }
}
