import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type MatchListView, type RequestStatus, type RequestSubmittedEvent, termsOf } from '@coop/contracts';
import { MatchRequestEntity } from './match-request.entity.js';

/** Matching's copies of requests (queries only). */
@Injectable()
export class MatchRequestRepository {
  /** Keeps a copy of a submitted request (once: a redelivered submission changes nothing), waiting for matching. */
  async insertSubmitted(manager: EntityManager, event: RequestSubmittedEvent & { memberSector: MatchRequestEntity['memberSector'] }): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MatchRequestEntity)
      .values({
        id: event.requestId,
        memberId: event.memberId,
        memberSector: event.memberSector,
        ...termsOf(event),
        region: event.region ?? null,
        autoAssignSplit: event.autoAssignSplit ?? false,
        status: 'submitted',
        submittedAt: new Date(event.submittedAt),
      })
      .orIgnore()
      .execute();
  }

  /** The request; locked for the rest of the transaction when `lock` says so. */
  find(manager: EntityManager, id: string, { lock = false }: { lock?: boolean } = {}): Promise<MatchRequestEntity | null> {
    return manager.findOne(MatchRequestEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Moves the request to `status`, with the ranking stored for coordinators when given. */
  async setStatus(manager: EntityManager, id: string, status: RequestStatus, lastMatches?: MatchListView | null): Promise<void> {
    await manager.update(MatchRequestEntity, { id }, { status, updatedAt: new Date(), ...(lastMatches !== undefined ? { lastMatches } : {}) });
  }
}
