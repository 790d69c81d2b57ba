import { type LifecycleEvent, type RequestStatus, transition } from './request-lifecycle.js';

const CURRENT = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'a0000000-0000-4000-8000-000000000002';

const at = (status: RequestStatus, assignmentId: string | null = null) => ({ status, assignmentId });
const to = (status: RequestStatus) => ({ to: status });
const refused = { unchanged: 'refused', why: expect.any(String) };
const repeat = { unchanged: 'repeat', why: expect.any(String) };

describe('transition', () => {
  it.each<[string, ReturnType<typeof at>, LifecycleEvent, object]>([
    ['matching waits for a coordinator', at('submitted'), { kind: 'pending_review' }, to('pending_review')],
    ['matching assigns automatically', at('submitted'), { kind: 'assigned', assignmentId: CURRENT }, to('assigned')],
    ['a coordinator assigns after review', at('pending_review'), { kind: 'assigned', assignmentId: CURRENT }, to('assigned')],
    ['a coordinator assigns an unmatched request', at('unmatched'), { kind: 'assigned', assignmentId: CURRENT }, to('assigned')],
    ['nobody is available', at('submitted'), { kind: 'unmatched' }, to('unmatched')],
    ['a coordinator overrides the assignment', at('assigned', CURRENT), { kind: 'assigned', assignmentId: OTHER, replacesAssignmentId: CURRENT }, to('assigned')],
    ['the professional declines', at('assigned', CURRENT), { kind: 'declined', assignmentId: CURRENT }, to('submitted')],
    ['the work is done', at('assigned', CURRENT), { kind: 'completed', assignmentId: CURRENT }, to('completed')],
    ['the member cancels an assigned request', at('assigned', CURRENT), { kind: 'cancelled' }, to('cancelled')],
    ['the member cancels before matching ends', at('submitted'), { kind: 'cancelled' }, to('cancelled')],
  ])('follows the lifecycle when %s', (_case, state, event, expected) => {
    expect(transition(state, event)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof at>, LifecycleEvent, object]>([
    ['the same assignment twice', at('assigned', CURRENT), { kind: 'assigned', assignmentId: CURRENT }, repeat],
    ['a cancellation of a cancelled request', at('cancelled'), { kind: 'cancelled' }, repeat],
    ['an assignment that replaces another one than the current', at('assigned', CURRENT), { kind: 'assigned', assignmentId: OTHER, replacesAssignmentId: OTHER }, refused],
    ['an assignment of a cancelled request', at('cancelled'), { kind: 'assigned', assignmentId: CURRENT }, refused],
    ['a decline of an older assignment', at('assigned', CURRENT), { kind: 'declined', assignmentId: OTHER }, refused],
    ['a completion of a request never assigned', at('submitted'), { kind: 'completed', assignmentId: CURRENT }, refused],
    ['unmatched after being assigned', at('assigned', CURRENT), { kind: 'unmatched' }, refused],
    ['pending review after being assigned', at('assigned', CURRENT), { kind: 'pending_review' }, refused],
    ['a cancellation of completed work', at('completed', CURRENT), { kind: 'cancelled' }, refused],
  ])('changes nothing for %s', (_case, state, event, expected) => {
    expect(transition(state, event)).toEqual(expected);
  });
});

describe('transition of a shared request', () => {
  const SECOND = 'a0000000-0000-4000-8000-000000000003';
  const shared = (status: RequestStatus) => ({ status, assignmentId: CURRENT, assignmentParts: [{ assignmentId: CURRENT }, { assignmentId: SECOND }] });

  it.each<[string, ReturnType<typeof shared>, LifecycleEvent, object]>([
    ['its second part declines', shared('assigned'), { kind: 'declined', assignmentId: SECOND }, to('submitted')],
    ['one part is done and another still at work', shared('assigned'), { kind: 'completed', assignmentId: SECOND, openParts: 1 }, to('assigned')],
    ['its last part is done', shared('assigned'), { kind: 'completed', assignmentId: CURRENT, openParts: 0 }, to('completed')],
    ['a share that replaces one of its parts', shared('assigned'), { kind: 'assigned', assignmentId: CURRENT, replacesAssignmentIds: [SECOND] }, to('assigned')],
    ['a single assignment that replaces the whole share', shared('assigned'), { kind: 'assigned', assignmentId: OTHER, replacesAssignmentId: CURRENT, replacesAssignmentIds: [CURRENT, SECOND] }, to('assigned')],
    ['the share again', shared('assigned'), { kind: 'assigned', assignmentId: CURRENT }, repeat],
    ['a decline of a part of another share', shared('assigned'), { kind: 'declined', assignmentId: OTHER }, refused],
  ])('%s', (_case, state, event, expected) => {
    expect(transition(state, event)).toEqual(expected);
  });
});
