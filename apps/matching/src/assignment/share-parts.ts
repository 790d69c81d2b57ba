import { DomainException, type RequestAssignedEvent, type SharePart, toCents, toHours } from '@coop/contracts';
import { roundCents } from '@coop/platform';
import type { AssignmentEntity } from './assignment.entity.js';

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
 * The `request.assigned` of a share: the first part is its face (assignmentId, professionalId), the
 * hours and cost are every part's together, and each part is listed.
 */
export function sharedAssignedEvent(
  request: { id: string; memberId: string },
  parts: AssignmentEntity[],
  shareId: string,
  automatic: boolean,
): RequestAssignedEvent {
  return {
    requestId: request.id,
    memberId: request.memberId,
    assignmentId: parts[0].id,
    professionalId: parts[0].professionalId,
    hours: totalHours(parts),
    estimatedCost: totalCost(parts),
    automatic,
    shareId,
    parts: parts.map(toSharePart),
  };
}

/**
 * What a shared assignment must be: different professionals, whose hours add up to the request's.
 * Refused with the field named (`parts`, `parts.<i>.professionalId`).
 */
export function checkShare(parts: ReadonlyArray<{ professionalId: string; hours: number }>, requestHours: number): void {
  const seen = new Set<string>();
  parts.forEach((part, index) => {
    if (seen.has(part.professionalId)) {
      throw DomainException.validation([{ field: `parts.${index}.professionalId`, message: 'each professional may take only one part', constraint: 'onePartEach' }]);
    }
    seen.add(part.professionalId);
  });
  const sum = totalHours(parts);
  if (toCents(sum) !== toCents(requestHours)) {
    throw DomainException.validation([{ field: 'parts', message: `the parts' hours add up to ${sum} h, not the request's ${requestHours} h`, constraint: 'shareHoursTotal', params: { sum, hours: requestHours } }]);
  }
}
