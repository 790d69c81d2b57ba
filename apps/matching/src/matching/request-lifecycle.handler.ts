import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AssignmentCompletedEvent,
  AssignmentDeclinedEvent,
  AssignmentEvents,
  formatDay,
  MemberRpc,
  RequestAssignedEvent,
  RequestCancelledEvent,
  RequestEvents,
  RequestSubmittedEvent,
  today,
} from '@coop/contracts';
import type { EventEnvelope } from '@coop/contracts';
import { OnEvent, retryWhileYoung, RpcClient, type EventDelivery } from '@coop/platform';
import { AssignmentMatcher } from '../assignment/assignment-matcher.js';
import { AssignmentEntity } from '../assignment/assignment.entity.js';
import { EarlierAttempts } from '../assignment/earlier-attempts.js';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';

/** The request's life as matching sees it, driven by durable events (each handled once, retried on failure). */
@Injectable()
export class RequestLifecycleHandler {
  constructor(
    private readonly matcher: AssignmentMatcher,
    private readonly professionals: ProfessionalsPort,
    private readonly earlierAttempts: EarlierAttempts,
    private readonly rpc: RpcClient,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  @OnEvent(RequestEvents.submitted)
  async onSubmitted(event: RequestSubmittedEvent, _envelope: unknown, manager: EntityManager, delivery: EventDelivery): Promise<void> {
    const memberSector = event.memberSector ?? (await this.rpc.send(MemberRpc.get, { id: event.memberId })).sector;
    await manager
      .createQueryBuilder()
      .insert()
      .into(MatchRequestEntity)
      .values({
        id: event.requestId,
        memberId: event.memberId,
        memberSector,
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
    await this.matcher.run(manager, event.requestId, { retry: delivery.attempt > 1 });
  }

  /** Gives the booking back, then matches again without the one who declined. */
  @OnEvent(AssignmentEvents.declined)
  async onDeclined(event: AssignmentDeclinedEvent, _envelope: unknown, manager: EntityManager, delivery: EventDelivery): Promise<void> {
    await this.professionals.release(event.assignmentId);
    await this.matcher.run(manager, event.requestId, { retry: delivery.attempt > 1 });
  }

  /** An override replaced an assignment: give its booking back (any other assignment: nothing to do). */
  @OnEvent(RequestEvents.assigned, { when: (event) => event.replacesAssignmentId !== undefined })
  async onAssigned(event: RequestAssignedEvent): Promise<void> {
    if (event.replacesAssignmentId) await this.professionals.release(event.replacesAssignmentId);
  }

  /** The work is done: the weeks after the day it was completed are given back. */
  @OnEvent(AssignmentEvents.completed)
  async onCompleted(event: AssignmentCompletedEvent, envelope: EventEnvelope): Promise<void> {
    await this.professionals.endBooking(event.assignmentId, formatDay(today(this.config.TIME_ZONE, new Date(envelope.occurredAt))));
  }

  @OnEvent(RequestEvents.cancelled)
  async onCancelled(event: RequestCancelledEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const request = await manager.findOne(MatchRequestEntity, { where: { id: event.requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request) {
      // Its submission may still be in another replica's hands: retry rather than let the request
      // be matched after it was cancelled. One never submitted to matching is let go in the end.
      retryWhileYoung(envelope, `request ${event.requestId} is not known yet`);
      return;
    }
    const active = await manager.findOneBy(AssignmentEntity, { requestId: event.requestId, status: 'active' });
    if (active) {
      await this.professionals.release(active.id);
      await manager.update(AssignmentEntity, { id: active.id }, { status: 'cancelled', endedAt: new Date() });
    }
    // Whatever an attempt that died left booked for it is of no use now.
    await this.earlierAttempts.settle(manager, request.id);
    await manager.update(MatchRequestEntity, { id: request.id }, { status: 'cancelled', updatedAt: new Date() });
  }
}
