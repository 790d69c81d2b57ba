import type { Schemas } from '../api/client';

export type ServiceRequest = Schemas['ServiceRequestView'];

/** Why a request is in the coordinators' queue. */
export type QueueKind = 'pending_review' | 'unmatched' | 'rematching';
export const QUEUE_KINDS: readonly QueueKind[] = ['pending_review', 'unmatched', 'rematching'];

const URGENCY_RANK: Record<ServiceRequest['urgency'], number> = { critical: 0, high: 1, normal: 2, low: 3 };

/**
 * Waiting for review, unmatched, or back in matching after a decline (status `submitted` with the
 * decline's reason): what needs a coordinator. A request just submitted is still being matched.
 */
export function queueKind(request: ServiceRequest): QueueKind | undefined {
  if (request.status === 'pending_review' || request.status === 'unmatched') return request.status;
  if (request.status === 'submitted' && request.statusReason) return 'rematching';
  return undefined;
}

export interface QueueFilters {
  kind?: QueueKind;
  domain?: string;
  memberId?: string;
  urgency?: ServiceRequest['urgency'];
}

/** The queue: requests that need a coordinator, most urgent first, then those waiting longest. */
export function buildQueue(requests: ServiceRequest[], filters: QueueFilters = {}): ServiceRequest[] {
  const seen = new Set<string>();
  return requests
    .filter((request) => {
      if (seen.has(request.id)) return false;
      seen.add(request.id);
      const kind = queueKind(request);
      return (
        kind !== undefined &&
        (!filters.kind || kind === filters.kind) &&
        (!filters.domain || request.domain === filters.domain) &&
        (!filters.memberId || request.memberId === filters.memberId) &&
        (!filters.urgency || request.urgency === filters.urgency)
      );
    })
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function countByKind(requests: ServiceRequest[]): Record<QueueKind, number> {
  const counts: Record<QueueKind, number> = { pending_review: 0, unmatched: 0, rematching: 0 };
  for (const request of requests) {
    const kind = queueKind(request);
    if (kind) counts[kind] += 1;
  }
  return counts;
}
