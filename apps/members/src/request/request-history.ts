import type { EntityManager } from 'typeorm';
import type { RequestHistoryEntry, RequestHistoryType } from '@coop/contracts';
import { RequestHistoryDetails, RequestHistoryEntity } from './request-history.entity.js';
import type { ServiceRequestEntity } from './service-request.entity.js';

/** Adds a step to the request's history, in the caller's transaction (the one that changes its status). */
export async function recordHistory(
  manager: EntityManager,
  request: ServiceRequestEntity,
  type: RequestHistoryType,
  details: RequestHistoryDetails,
  occurredAt: Date,
): Promise<void> {
  await manager.insert(RequestHistoryEntity, { requestId: request.id, type, status: request.status, occurredAt, details });
}

/** An assignment a later one replaced (an override): its own events, arriving late, are stale. */
export async function wasReplaced(manager: EntityManager, requestId: string, assignmentId: string): Promise<boolean> {
  return manager
    .createQueryBuilder(RequestHistoryEntity, 'h')
    .where('h.request_id = :requestId', { requestId })
    .andWhere(`h.details ->> 'replacesAssignmentId' = :assignmentId`, { assignmentId })
    .getExists();
}

export function toHistoryEntry(entity: RequestHistoryEntity): RequestHistoryEntry {
  return { type: entity.type, status: entity.status, occurredAt: entity.occurredAt.toISOString(), ...entity.details };
}
