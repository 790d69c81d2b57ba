import type { RequestStatus } from '@coop/contracts';

/** What happened to a request: the matching service's events, and a cancellation. */
export type LifecycleEvent =
  | { kind: 'pendingReview' }
  | { kind: 'assigned'; assignmentId: string; replacesAssignmentId?: string; replacesAssignmentIds?: string[] }
  | { kind: 'unmatched' }
  | { kind: 'declined'; assignmentId: string }
  | { kind: 'completed'; assignmentId: string; openParts?: number }
  | { kind: 'cancelled' };

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

const OPEN: readonly RequestStatus[] = ['submitted', 'pending_review', 'assigned', 'unmatched'];

/** Still open: not completed nor cancelled, so an event refused now may fit once an earlier one is applied. */
export function isOpen(status: RequestStatus): boolean {
  return OPEN.includes(status);
}
/** Open and without an active assignment. */
const ASSIGNABLE: readonly RequestStatus[] = OPEN.filter((status) => status !== 'assigned');

/**
 * The request lifecycle: submitted -> pending_review | assigned | unmatched;
 * a coordinator may still assign a request waiting for review or unmatched; assigned -> completed |
 * cancelled; a decline of the current assignment sends it back to matching (submitted); any open
 * request can be cancelled. Events about another assignment than the current one are stale. A
 * shared request's parts are each current: a decline of one sends the request back to matching
 * (for that part's hours), and it is completed with its last part.
 */
export function transition(state: LifecycleState, event: LifecycleEvent): Transition {
  const refused = (why: string): Transition => ({ unchanged: 'refused', why });
  switch (event.kind) {
    case 'pendingReview':
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
      return OPEN.includes(state.status) ? { to: 'cancelled' } : refused(`a ${state.status} request cannot be cancelled`);
  }
}
