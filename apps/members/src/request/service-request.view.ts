import { type RequestHistoryEntry, type ServiceRequestView, termsOf } from '@coop/contracts';
import type { RequestHistoryEntity } from './request-history.entity.js';
import type { ServiceRequestEntity } from './service-request.entity.js';

export function toView(request: ServiceRequestEntity): ServiceRequestView {
  return {
    id: request.id,
    memberId: request.memberId,
    ...termsOf(request),
    autoAssignOverride: request.autoAssignOverride,
    status: request.status,
    statusReason: request.statusReason,
    assignment: request.assignmentId
      ? {
          id: request.assignmentId,
          professionalId: request.professionalId!,
          hours: request.assignedHours!,
          estimatedCost: request.estimatedCost!,
          automatic: request.assignedAutomatically!,
          ...(request.shareId && request.assignmentParts ? { shareId: request.shareId, parts: request.assignmentParts } : {}),
        }
      : null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export function toHistoryEntry(entity: RequestHistoryEntity): RequestHistoryEntry {
  return { type: entity.type, status: entity.status, occurredAt: entity.occurredAt.toISOString(), ...entity.details };
}
