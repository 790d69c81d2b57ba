import { ErrorCode, RequestEvents, AssignmentEvents, type RequestBooking } from '@coop/contracts';
import type { OutboxService } from '@coop/platform';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { FIXTURE_MEMBER, FIXTURE_REQUEST, storedLegalRequest } from '../match-request/match-request.fixtures.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { legalAdviser } from '../ranking/ranking.fixtures.js';
import { AssignmentEntity } from './assignment.entity.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';
import { EarlierAttempts } from './earlier-attempts.js';

const [REQUEST, MEMBER] = [FIXTURE_REQUEST, FIXTURE_MEMBER];
const CHOSEN = 'b0000000-0000-4000-8000-000000000001';
const CURRENT = 'b0000000-0000-4000-8000-000000000002';
const CURRENT_ASSIGNMENT = 'a0000000-0000-4000-8000-000000000009';

function matchRequest(overrides: Partial<MatchRequestEntity> = {}): MatchRequestEntity {
  return storedLegalRequest(overrides);
}

function assignment(overrides: Partial<AssignmentEntity> = {}): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id: CURRENT_ASSIGNMENT,
    requestId: REQUEST,
    memberId: MEMBER,
    professionalId: CURRENT,
    hours: 20,
    costRate: 80,
    estimatedCost: 1600,
    status: 'active',
    automatic: true,
    hoursSpent: null,
    declineReason: null,
    createdAt: new Date(),
    endedAt: null,
    shareId: null,
    ...overrides,
  });
}

/** The service over fakes: the request as stored, who declined it, its active assignment, what earlier attempts left booked. */
function setUp({
  request = matchRequest(),
  declined = new Set<string>(),
  active = null as AssignmentEntity | null,
  /** The request's active assignments as the repository lists them (default: `active` alone). */
  otherParts = undefined as AssignmentEntity[] | undefined,
  leftBooked = undefined as RequestBooking | undefined,
  professional = legalAdviser(CHOSEN, { costRate: 90 }) as ReturnType<typeof legalAdviser> | null,
} = {}) {
  const manager = mockManager();
  const requests = mockOf<MatchRequestRepository>({ find: async () => request, setStatus: async () => undefined });
  const assignments = mockOf<AssignmentRepository>({
    declinedProfessionals: async () => declined,
    active: async () => active,
    allActive: async () => otherParts ?? (active ? [active] : []),
    requestOf: async () => (active ? active.requestId : REQUEST),
    lock: async () => active,
    exists: async () => false,
    insert: async () => undefined,
    save: async (_manager, saved) => saved,
    cancel: async () => undefined,
  });
  const professionals = mockOf<ProfessionalsPort>({ factsOf: async () => professional ?? undefined, reserve: async () => undefined, release: async () => undefined });
  const outbox = mockOf<OutboxService>();
  const earlierAttempts = mockOf<EarlierAttempts>({ settle: async (_manager, _requestId, adoptable) => (leftBooked && adoptable?.(leftBooked) ? leftBooked : undefined) });
  const sut = new AssignmentService(inlineTransactions(manager), requests, assignments, professionals, outbox, earlierAttempts);
  return { sut, requests, assignments, professionals, outbox, earlierAttempts, manager };
}

describe(AssignmentService.name, () => {
  describe('assign', () => {
    it("books the professional for the request's window, saves the assignment and announces it", async () => {
      const { sut, professionals, assignments, requests, outbox, manager } = setUp();

      const view = await sut.assign({ requestId: REQUEST, professionalId: CHOSEN, reason: 'Connaît la fédération' });

      expect(professionals.reserve).toHaveBeenCalledWith({ assignmentId: view.id, professionalId: CHOSEN, requestId: REQUEST, startDate: '2027-03-01', endDate: '2027-03-12', hours: 20 });
      expect(assignments.insert).toHaveBeenCalledWith(manager, expect.objectContaining({ id: view.id, professionalId: CHOSEN, hours: 20, estimatedCost: 1800, automatic: false, status: 'active' }));
      expect(requests.setStatus).toHaveBeenCalledWith(manager, REQUEST, 'assigned');
      expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ assignmentId: view.id, professionalId: CHOSEN, automatic: false, reason: 'Connaît la fédération' }));
      expect(outbox.record.mock.calls[0][2]).not.toHaveProperty('replacesAssignmentId');
    });

    it('replaces the current assignment (an override), naming it in the event', async () => {
      const { sut, assignments, outbox, manager } = setUp({ request: matchRequest({ status: 'assigned' }), active: assignment() });

      await sut.assign({ requestId: REQUEST, professionalId: CHOSEN, hours: 12 });

      expect(assignments.cancel).toHaveBeenCalledWith(manager, CURRENT_ASSIGNMENT);
      expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ hours: 12, replacesAssignmentId: CURRENT_ASSIGNMENT }));
    });

    it('holds the booking an attempt that died left for the same professional and terms, booking nothing more', async () => {
      const leftBooked: RequestBooking = { assignmentId: 'a0000000-0000-4000-8000-000000000005', professionalId: CHOSEN, startDate: '2027-03-01', endDate: '2027-03-12', hours: 20, createdAt: '2026-11-02T14:00:00.000Z' };
      const { sut, professionals } = setUp({ leftBooked });

      expect((await sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).id).toBe(leftBooked.assignmentId);
      expect(professionals.reserve).not.toHaveBeenCalled();
    });

    it('gives the booking back when the assignment cannot be saved', async () => {
      const { sut, professionals, assignments } = setUp();
      assignments.insert.mockRejectedValueOnce(new Error('Postgres is gone'));

      await expect(sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toThrow('Postgres is gone');
      expect(professionals.release).toHaveBeenCalledWith(professionals.reserve.mock.calls[0][0].assignmentId);
    });

    it('refuses a professional who declined the request, naming the field', async () => {
      const { sut, professionals } = setUp({ declined: new Set([CHOSEN]) });

      await expect(sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toMatchObject({ code: ErrorCode.Conflict, errors: [expect.objectContaining({ field: 'professionalId' })] });
      expect(professionals.reserve).not.toHaveBeenCalled();
    });

    it('refuses the professional already assigned', async () => {
      const { sut, professionals } = setUp({ request: matchRequest({ status: 'assigned' }), active: assignment({ professionalId: CHOSEN }) });

      await expect(sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toMatchObject({ code: ErrorCode.Conflict });
      expect(professionals.reserve).not.toHaveBeenCalled();
    });

    it('refuses an unknown or inactive professional', async () => {
      await expect(setUp({ professional: null }).sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toMatchObject({ code: ErrorCode.NotFound });
      const inactive = setUp({ professional: legalAdviser(CHOSEN, { active: false }) });
      await expect(inactive.sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    });

    it.each(['completed', 'cancelled'] as const)('refuses a %s request', async (status) => {
      const { sut, professionals } = setUp({ request: matchRequest({ status }) });

      await expect(sut.assign({ requestId: REQUEST, professionalId: CHOSEN })).rejects.toMatchObject({ code: ErrorCode.InvalidStateTransition });
      expect(professionals.factsOf).not.toHaveBeenCalled();
    });
  });

  it('sends a declined request back to matching, with the reason', async () => {
    const { sut, assignments, requests, outbox, manager } = setUp({ active: assignment() });

    expect(await sut.decline({ assignmentId: CURRENT_ASSIGNMENT, reason: 'Conflit d’intérêts' })).toMatchObject({ status: 'declined', declineReason: 'Conflit d’intérêts' });
    expect(assignments.save).toHaveBeenCalledWith(manager, expect.objectContaining({ status: 'declined' }));
    expect(requests.setStatus).toHaveBeenCalledWith(manager, REQUEST, 'submitted');
    expect(outbox.record).toHaveBeenCalledWith(manager, AssignmentEvents.declined, expect.objectContaining({ assignmentId: CURRENT_ASSIGNMENT, professionalId: CURRENT, reason: 'Conflit d’intérêts' }));
  });

  it('completes the work at the hours spent times the cost rate', async () => {
    const { sut, requests, outbox, manager } = setUp({ active: assignment() });

    expect(await sut.complete({ assignmentId: CURRENT_ASSIGNMENT, hoursSpent: 17.5 })).toMatchObject({ status: 'completed', hoursSpent: 17.5 });
    expect(requests.setStatus).toHaveBeenCalledWith(manager, REQUEST, 'completed');
    expect(outbox.record).toHaveBeenCalledWith(manager, AssignmentEvents.completed, expect.objectContaining({ hoursSpent: 17.5, cost: 1400 }));
  });

  it('refuses to decline or complete an assignment that is no longer active', async () => {
    const { sut, outbox } = setUp({ active: assignment({ status: 'declined' }) });

    await expect(sut.complete({ assignmentId: CURRENT_ASSIGNMENT, hoursSpent: 3 })).rejects.toMatchObject({ code: ErrorCode.InvalidStateTransition });
    await expect(sut.decline({ assignmentId: CURRENT_ASSIGNMENT, reason: 'Trop tard' })).rejects.toMatchObject({ code: ErrorCode.InvalidStateTransition });
    expect(outbox.record).not.toHaveBeenCalled();
  });

  describe('a part of a shared request', () => {
    const SHARE = 'c0000000-0000-4000-8000-000000000001';
    const other = assignment({ id: 'a0000000-0000-4000-8000-000000000010', professionalId: CHOSEN, hours: 8, estimatedCost: 640, shareId: SHARE });

    it('declined: the other parts are kept, named in the event, and the request goes back to matching', async () => {
      const { sut, requests, outbox, manager } = setUp({ active: assignment({ shareId: SHARE }), otherParts: [other] });

      await sut.decline({ assignmentId: CURRENT_ASSIGNMENT, reason: 'Conflit d’horaire' });

      expect(requests.setStatus).toHaveBeenCalledWith(manager, REQUEST, 'submitted');
      expect(outbox.record).toHaveBeenCalledWith(
        manager,
        AssignmentEvents.declined,
        expect.objectContaining({ shareId: SHARE, keptParts: [{ assignmentId: other.id, professionalId: CHOSEN, hours: 8, estimatedCost: 640 }] }),
      );
    });

    it('completed while another part is at work: the request stays assigned; the last part completes it', async () => {
      const first = setUp({ active: assignment({ shareId: SHARE }), otherParts: [other] });
      await first.sut.complete({ assignmentId: CURRENT_ASSIGNMENT, hoursSpent: 11 });
      expect(first.requests.setStatus).not.toHaveBeenCalled();
      expect(first.outbox.record).toHaveBeenCalledWith(first.manager, AssignmentEvents.completed, expect.objectContaining({ shareId: SHARE, openParts: 1, hoursSpent: 11 }));

      const last = setUp({ active: assignment({ shareId: SHARE }), otherParts: [] });
      await last.sut.complete({ assignmentId: CURRENT_ASSIGNMENT, hoursSpent: 9 });
      expect(last.requests.setStatus).toHaveBeenCalledWith(last.manager, REQUEST, 'completed');
      expect(last.outbox.record).toHaveBeenCalledWith(last.manager, AssignmentEvents.completed, expect.objectContaining({ openParts: 0 }));
    });

    it('an override replaces every part of the share', async () => {
      const { sut, assignments, outbox, manager } = setUp({ request: matchRequest({ status: 'assigned' }), otherParts: [assignment({ shareId: SHARE }), other] });

      await sut.assign({ requestId: REQUEST, professionalId: 'b0000000-0000-4000-8000-000000000003' });

      expect(assignments.cancel.mock.calls.map(([, id]) => id)).toEqual([CURRENT_ASSIGNMENT, other.id]);
      expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ replacesAssignmentId: CURRENT_ASSIGNMENT, replacesAssignmentIds: [CURRENT_ASSIGNMENT, other.id] }));
    });
  });
});
