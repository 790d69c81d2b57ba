import { AssignmentView } from '@coop/contracts';
import { AssignmentEntity } from './assignment.entity.js';

export function toAssignmentView(a: AssignmentEntity): AssignmentView {
  return {
    id: a.id,
    requestId: a.requestId,
    memberId: a.memberId,
    professionalId: a.professionalId,
    hours: a.hours,
    costRate: a.costRate,
    estimatedCost: a.estimatedCost,
    status: a.status,
    automatic: a.automatic,
    hoursSpent: a.hoursSpent,
    declineReason: a.declineReason,
    createdAt: a.createdAt.toISOString(),
    endedAt: a.endedAt ? a.endedAt.toISOString() : null,
    shareId: a.shareId,
  };
}
