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
import { AssignmentMatcher } from './matches/assignment-matcher.js';
import { AssignmentRepository } from './assignment/assignment.repository.js';
import { EarlierAttempts } from './assignment/earlier-attempts.js';
import { ProfessionalsPort } from './candidates/professionals.port.js';
import { MatchingConfig } from './config.js';
import { MatchRequestRepository } from './match-request/match-request.repository.js';

/** The request's life as matching sees it, driven by durable events (each handled once, retried on failure). */
@Injectable()
export class RequestLifecycleHandler {
  constructor(
    private readonly matcher: AssignmentMatcher,
    private readonly professionals: ProfessionalsPort,
    private readonly earlierAttempts: EarlierAttempts,
    private readonly rpc: RpcClient,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
    private readonly requests: MatchRequestRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  @OnEvent(RequestEvents.submitted)
  async onSubmitted(event: RequestSubmittedEvent, _envelope: EventEnvelope, manager: EntityManager, delivery: EventDelivery): Promise<void> {
    const memberSector = event.memberSector ?? (await this.rpc.send(MemberRpc.get, { id: event.memberId })).sector;
    const submitted = await this.requests.insertSubmitted(manager, { ...event, memberSector });
    await this.matcher.run(manager, event.requestId, { retry: delivery.attempt > 1, ...(submitted ? { submitted } : {}) });
  }

  /** Gives the booking back, then matches again without the one who declined. */
  @OnEvent(AssignmentEvents.declined)
  async onDeclined(event: AssignmentDeclinedEvent, _envelope: EventEnvelope, manager: EntityManager, delivery: EventDelivery): Promise<void> {
    await this.professionals.release(event.assignmentId);
    await this.matcher.run(manager, event.requestId, { retry: delivery.attempt > 1 });
  }

  /** An override replaced an assignment (or every part of a shared one): give their bookings back (any other assignment: nothing to do). */
  @OnEvent(RequestEvents.assigned, { when: (event) => event.replacesAssignmentId !== undefined || (event.replacesAssignmentIds?.length ?? 0) > 0 })
  async onAssigned(event: RequestAssignedEvent): Promise<void> {
    const replaced = event.replacesAssignmentIds ?? (event.replacesAssignmentId ? [event.replacesAssignmentId] : []);
    for (const assignmentId of replaced) await this.professionals.release(assignmentId);
  }

  /** The work is done: the weeks after the day it was completed are given back. */
  @OnEvent(AssignmentEvents.completed)
  async onCompleted(event: AssignmentCompletedEvent, envelope: EventEnvelope): Promise<void> {
    await this.professionals.endBooking(event.assignmentId, formatDay(today(this.config.TIME_ZONE, new Date(envelope.occurredAt))));
  }

  @OnEvent(RequestEvents.cancelled)
  async onCancelled(event: RequestCancelledEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const request = await this.requests.find(manager, event.requestId, { lock: true });
    if (!request) {
      // Its submission may still be in another replica's hands: retry rather than let the request
      // be matched after it was cancelled. One never submitted to matching is let go in the end.
      retryWhileYoung(envelope, `request ${event.requestId} is not known yet`);
      return;
    }
    // The one assignment, or every part of a shared request.
    for (const active of await this.assignments.allActive(manager, event.requestId)) {
      await this.professionals.release(active.id);
      await this.assignments.cancel(manager, active.id);
    }
    // Whatever an attempt that died left booked for it is of no use now.
    await this.earlierAttempts.settle(manager, request.id);
    await this.requests.setStatus(manager, request.id, 'cancelled');
  }
}
