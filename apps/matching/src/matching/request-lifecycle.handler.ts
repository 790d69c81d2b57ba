import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AssignmentDeclinedEvent,
  AssignmentEvents,
  MemberRpc,
  RequestAssignedEvent,
  RequestCancelledEvent,
  RequestEvents,
  RequestSubmittedEvent,
} from '@coop/contracts';
import { OnEvent, RpcClient } from '@coop/platform';
import { AssignmentMatcher } from '../assignment/assignment-matcher.js';
import { AssignmentEntity } from '../assignment/assignment.entity.js';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';

/** The request's life as matching sees it, driven by durable events (each handled once, retried on failure). */
@Injectable()
export class RequestLifecycleHandler {
  constructor(
    private readonly matcher: AssignmentMatcher,
    private readonly professionals: ProfessionalsPort,
    private readonly rpc: RpcClient,
  ) {}

  @OnEvent(RequestEvents.submitted)
  async onSubmitted(event: RequestSubmittedEvent, _envelope: unknown, manager: EntityManager): Promise<void> {
    const member = await this.rpc.send(MemberRpc.get, { id: event.memberId });
    await manager
      .createQueryBuilder()
      .insert()
      .into(MatchRequestEntity)
      .values({
        id: event.requestId,
        memberId: event.memberId,
        memberSector: member.sector,
        domain: event.domain,
        title: event.title,
        description: event.description,
        startDate: event.startDate,
        endDate: event.endDate,
        estimatedHours: event.estimatedHours,
        language: event.language,
        region: event.region ?? null,
        onSite: event.onSite,
        urgency: event.urgency,
        autoAssign: event.autoAssign,
        status: 'matching',
        submittedAt: new Date(event.submittedAt),
      })
      .orIgnore()
      .execute();
    await this.matcher.run(manager, event.requestId);
  }

  /** Gives the booking back, then matches again without the one who declined. */
  @OnEvent(AssignmentEvents.declined)
  async onDeclined(event: AssignmentDeclinedEvent, _envelope: unknown, manager: EntityManager): Promise<void> {
    await this.professionals.release(event.assignmentId);
    await this.matcher.run(manager, event.requestId);
  }

  /** An override replaced an assignment: give its booking back. */
  @OnEvent(RequestEvents.assigned)
  async onAssigned(event: RequestAssignedEvent): Promise<void> {
    if (event.replacesAssignmentId) await this.professionals.release(event.replacesAssignmentId);
  }

  @OnEvent(RequestEvents.cancelled)
  async onCancelled(event: RequestCancelledEvent, _envelope: unknown, manager: EntityManager): Promise<void> {
    const request = await manager.findOne(MatchRequestEntity, { where: { id: event.requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request) return;
    const active = await manager.findOneBy(AssignmentEntity, { requestId: event.requestId, status: 'active' });
    if (active) {
      await this.professionals.release(active.id);
      await manager.update(AssignmentEntity, { id: active.id }, { status: 'cancelled', endedAt: new Date() });
    }
    await manager.update(MatchRequestEntity, { id: request.id }, { status: 'cancelled', updatedAt: new Date() });
  }
}
