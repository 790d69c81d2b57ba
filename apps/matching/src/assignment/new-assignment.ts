import { roundCents } from '@coop/platform';
import type { ProfessionalFacts } from '../candidates/professionals.port.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { AssignmentEntity } from './assignment.entity.js';

/** A new active assignment of a professional to a request, at their cost rate (automatic or a coordinator's; a part of a share when `shareId` is set). */
export function newAssignment(
  id: string,
  request: MatchRequestEntity,
  facts: Pick<ProfessionalFacts, 'professionalId' | 'costRate'>,
  hours: number,
  automatic: boolean,
  shareId: string | null = null,
): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id,
    requestId: request.id,
    memberId: request.memberId,
    professionalId: facts.professionalId,
    hours,
    costRate: facts.costRate,
    estimatedCost: roundCents(hours * facts.costRate),
    status: 'active',
    automatic,
    hoursSpent: null,
    declineReason: null,
    createdAt: new Date(),
    endedAt: null,
    shareId,
  });
}
