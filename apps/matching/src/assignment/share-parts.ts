import { EntityManager, In } from 'typeorm';
import { DomainException, ErrorCode, type SharePart, toCents, toHours } from '@coop/contracts';
import { roundCents } from '@coop/platform';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { AssignmentEntity } from './assignment.entity.js';

const CLOSED: ReadonlyArray<MatchRequestEntity['status']> = ['cancelled', 'completed'];

/** The request, refused when it is closed; locked for the transaction when asked. */
export async function openRequest(manager: EntityManager, requestId: string, lock = false): Promise<MatchRequestEntity> {
  const request = await manager.findOne(MatchRequestEntity, { where: { id: requestId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!request) throw DomainException.notFound('Request', requestId);
  if (CLOSED.includes(request.status)) throw new DomainException(ErrorCode.InvalidStateTransition, `The request is ${request.status}`);
  return request;
}

/** The request's active assignments, oldest first: none, the one held alone, or the parts of its share. */
export function activeAssignments(manager: EntityManager, requestId: string): Promise<AssignmentEntity[]> {
  return manager.find(AssignmentEntity, { where: { requestId, status: 'active' }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** The parts of a share that still count (active or completed), oldest first. */
export function standingParts(manager: EntityManager, shareId: string): Promise<AssignmentEntity[]> {
  return manager.find(AssignmentEntity, { where: { shareId, status: In(['active', 'completed']) }, order: { createdAt: 'ASC', id: 'ASC' } });
}

export function toSharePart(assignment: Pick<AssignmentEntity, 'id' | 'professionalId' | 'hours' | 'estimatedCost'>): SharePart {
  return { assignmentId: assignment.id, professionalId: assignment.professionalId, hours: assignment.hours, estimatedCost: assignment.estimatedCost };
}

/** Hours of assignments together, to the cent. */
export function totalHours(parts: ReadonlyArray<{ hours: number }>): number {
  return toHours(parts.reduce((sum, part) => sum + toCents(part.hours), 0));
}

export function totalCost(parts: ReadonlyArray<{ estimatedCost: number }>): number {
  return roundCents(parts.reduce((sum, part) => sum + part.estimatedCost, 0));
}

/**
 * What a shared assignment must be: different professionals, whose hours add up to the request's.
 * Refused with the field named (`parts`, `parts.<i>.professionalId`).
 */
export function checkShare(parts: ReadonlyArray<{ professionalId: string; hours: number }>, requestHours: number): void {
  const seen = new Set<string>();
  parts.forEach((part, index) => {
    if (seen.has(part.professionalId)) {
      throw DomainException.validation([{ field: `parts.${index}.professionalId`, message: 'each professional may take only one part' }]);
    }
    seen.add(part.professionalId);
  });
  const sum = totalHours(parts);
  if (toCents(sum) !== toCents(requestHours)) {
    throw DomainException.validation([{ field: 'parts', message: `the parts' hours add up to ${sum} h, not the request's ${requestHours} h` }]);
  }
}
