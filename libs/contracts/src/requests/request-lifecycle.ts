/**
 * A request's life, the one vocabulary every service uses: the statuses members stores and
 * answers, matching's copy of each request, the history's steps, and the transitions between them.
 *
 *   submitted -> pending_review | assigned | unmatched (matching has looked);
 *   pending_review, unmatched -> assigned (a coordinator assigns);
 *   assigned -> assigned (a coordinator overrides), submitted (the professional declines: matched
 *   again without them), completed;
 *   any open status -> cancelled.
 *
 * `submitted` is also where a request waits while matching looks (at first, and after a decline).
 */
export const REQUEST_STATUSES = ['submitted', 'pending_review', 'assigned', 'unmatched', 'completed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Not completed nor cancelled: something can still happen to it. */
export const OPEN_REQUEST_STATUSES = ['submitted', 'pending_review', 'assigned', 'unmatched'] as const satisfies readonly RequestStatus[];

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_REQUEST_STATUSES as readonly RequestStatus[]).includes(status);
}

/** Open and without an active assignment. */
const ASSIGNABLE: readonly RequestStatus[] = OPEN_REQUEST_STATUSES.filter((status) => status !== 'assigned');

/** What happens to a request after its submission: matching's events, and a cancellation. Each kind is also a history step. */
export type LifecycleEvent =
  | { kind: 'pending_review' }
  | { kind: 'assigned'; assignmentId: string; replacesAssignmentId?: string; replacesAssignmentIds?: string[] }
  | { kind: 'unmatched' }
  | { kind: 'declined'; assignmentId: string }
  | { kind: 'completed'; assignmentId: string; openParts?: number }
  | { kind: 'cancelled' };

/** One step of a request's history (GET /v1/requests/:id/history): its submission, then each lifecycle event. */
export const REQUEST_HISTORY_TYPES = ['submitted', 'pending_review', 'assigned', 'unmatched', 'declined', 'completed', 'cancelled'] as const satisfies ReadonlyArray<
  LifecycleEvent['kind'] | 'submitted'
>;
export type RequestHistoryType = (typeof REQUEST_HISTORY_TYPES)[number];

export interface LifecycleState {
  status: RequestStatus;
  assignmentId: string | null;
  /** A shared request: every part (the first is assignmentId). */
  assignmentParts?: ReadonlyArray<{ assignmentId: string }> | null;
}

/** The current assignment, or one of the current parts of a shared request. */
function isCurrent(state: LifecycleState, assignmentId: string): boolean {
  return state.assignmentId === assignmentId || (state.assignmentParts ?? []).some((part) => part.assignmentId === assignmentId);
}

/** The new status, or why the event changes nothing (`repeat`: it was already applied; `refused`: it makes no sense now). */
export type Transition = { to: RequestStatus } | { unchanged: 'repeat' | 'refused'; why: string };

/**
 * Where a request goes on `event`, from `state`. Events about another assignment than the current
 * one are stale. A shared request's parts are each current: a decline of one sends the request
 * back to matching (for that part's hours), and it is completed with its last part.
 */
export function transition(state: LifecycleState, event: LifecycleEvent): Transition {
  const refused = (why: string): Transition => ({ unchanged: 'refused', why });
  switch (event.kind) {
    case 'pending_review':
      if (state.status === 'pending_review') return { unchanged: 'repeat', why: 'already waiting for review' };
      return state.status === 'submitted' ? { to: 'pending_review' } : refused(`a ${state.status} request cannot wait for review`);
    case 'unmatched':
      if (state.status === 'unmatched') return { unchanged: 'repeat', why: 'already unmatched' };
      return state.status === 'submitted' || state.status === 'pending_review' ? { to: 'unmatched' } : refused(`a ${state.status} request cannot become unmatched`);
    case 'assigned':
      if (state.status === 'assigned') {
        const replaces = event.replacesAssignmentIds ?? (event.replacesAssignmentId ? [event.replacesAssignmentId] : []);
        if (replaces.some((id) => isCurrent(state, id))) return { to: 'assigned' };
        if (state.assignmentId === event.assignmentId) return { unchanged: 'repeat', why: 'already assigned to this assignment' };
        return refused('the assignment it replaces is not the current one');
      }
      return ASSIGNABLE.includes(state.status) ? { to: 'assigned' } : refused(`a ${state.status} request cannot be assigned`);
    case 'declined':
      if (state.status !== 'assigned' || !isCurrent(state, event.assignmentId)) return refused('the declined assignment is not the current one');
      return { to: 'submitted' };
    case 'completed':
      if (state.status === 'completed' && isCurrent(state, event.assignmentId)) return { unchanged: 'repeat', why: 'already completed' };
      if (state.status !== 'assigned' || !isCurrent(state, event.assignmentId)) return refused('the completed assignment is not the current one');
      // A part of a shared request: the request is completed with its last part.
      return { to: (event.openParts ?? 0) > 0 ? 'assigned' : 'completed' };
    case 'cancelled':
      if (state.status === 'cancelled') return { unchanged: 'repeat', why: 'already cancelled' };
      return isOpen(state.status) ? { to: 'cancelled' } : refused(`a ${state.status} request cannot be cancelled`);
  }
}

/** A SQL CHECK that a status column holds one of the statuses (for entities that store one). */
export function requestStatusCheck(column = 'status'): string {
  return `"${column}" IN (${REQUEST_STATUSES.map((status) => `'${status}'`).join(', ')})`;
}
