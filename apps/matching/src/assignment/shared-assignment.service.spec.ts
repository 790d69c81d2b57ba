import { DomainException, ErrorCode, RequestEvents, type RequestBooking } from '@coop/contracts';
import type { OutboxService } from '@coop/platform';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { FIXTURE_MEMBER, FIXTURE_REQUEST, storedLegalRequest } from '../match-request/match-request.fixtures.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { legalAdviser } from '../ranking/ranking.fixtures.js';
import { AssignmentEntity } from './assignment.entity.js';
import { AssignmentRepository } from './assignment.repository.js';
import { EarlierAttempts } from './earlier-attempts.js';
import { SharedAssignmentService } from './shared-assignment.service.js';

const [REQUEST, MEMBER] = [FIXTURE_REQUEST, FIXTURE_MEMBER];
const ANNIE = 'b0000000-0000-4000-8000-000000000001';
const MARC = 'b0000000-0000-4000-8000-000000000002';
const CLAIRE = 'b0000000-0000-4000-8000-000000000003';
const SHARE = 'c0000000-0000-4000-8000-000000000001';

function matchRequest(overrides: Partial<MatchRequestEntity> = {}): MatchRequestEntity {
  return storedLegalRequest({ status: 'unmatched', ...overrides });
}

function part(id: string, professionalId: string, hours: number): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id,
    requestId: REQUEST,
    memberId: MEMBER,
    professionalId,
    hours,
    costRate: 100,
    estimatedCost: hours * 100,
    status: 'active',
    automatic: false,
    hoursSpent: null,
    declineReason: null,
    createdAt: new Date(),
    endedAt: null,
    shareId: SHARE,
  });
}

function setUp({ active = [] as AssignmentEntity[], declined = new Set<string>(), left = [] as RequestBooking[] } = {}) {
  const manager = mockManager();
  const requests = mockOf<MatchRequestRepository>({ find: async () => matchRequest(), setStatus: async () => undefined });
  const assignments = mockOf<AssignmentRepository>({
    declinedProfessionals: async () => declined,
    allActive: async () => active,
    exists: async () => false,
    insertAll: async () => undefined,
    cancel: async () => undefined,
  });
  const professionals = mockOf<ProfessionalsPort>({ factsOf: async (id) => legalAdviser(id, { costRate: 90 }), reserveShared: async () => undefined, release: async () => undefined });
  const outbox = mockOf<OutboxService>();
  // What an earlier attempt left: each booking the service's rule accepts is adopted.
  const earlierAttempts = mockOf<EarlierAttempts>({ settleParts: async (_manager, _requestId, adoptable) => new Map(left.filter(adoptable).map((b) => [b.professionalId, b])) });
  const sut = new SharedAssignmentService(inlineTransactions(manager), requests, assignments, professionals, outbox, earlierAttempts);
  return { sut, requests, assignments, professionals, outbox, manager };
}

describe(SharedAssignmentService.name, () => {
  it('books every part in one call, saves one assignment per part naming the share, and announces them all', async () => {
    const { sut, professionals, assignments, requests, outbox, manager } = setUp();

    const view = await sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] });

    expect(professionals.reserveShared).toHaveBeenCalledTimes(1);
    expect(professionals.reserveShared.mock.calls[0][0].map((b) => [b.professionalId, b.hours, b.startDate, b.endDate])).toEqual([
      [ANNIE, 12, '2027-03-01', '2027-03-12'],
      [MARC, 8, '2027-03-01', '2027-03-12'],
    ]);
    expect(assignments.insertAll).toHaveBeenCalledWith(manager, [
      expect.objectContaining({ professionalId: ANNIE, hours: 12, estimatedCost: 1080, shareId: view.shareId }),
      expect.objectContaining({ professionalId: MARC, hours: 8, estimatedCost: 720, shareId: view.shareId }),
    ]);
    expect(view).toMatchObject({ hours: 20, estimatedCost: 1800 });
    expect(requests.setStatus).toHaveBeenCalledWith(manager, REQUEST, 'assigned');
    expect(outbox.record).toHaveBeenCalledWith(
      manager,
      RequestEvents.assigned,
      expect.objectContaining({ assignmentId: view.parts[0].id, professionalId: ANNIE, hours: 20, shareId: view.shareId, parts: [expect.objectContaining({ professionalId: ANNIE, hours: 12 }), expect.objectContaining({ professionalId: MARC, hours: 8 })] }),
    );
  });

  it.each([
    ['hours that do not add up to the request’s', [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 6 }], 'parts'],
    ['the same professional twice', [{ professionalId: ANNIE, hours: 10 }, { professionalId: ANNIE, hours: 10 }], 'parts.1.professionalId'],
  ])('refuses %s, naming the field, booking nothing', async (_case, parts, field) => {
    const { sut, professionals } = setUp();

    await expect(sut.assign({ requestId: REQUEST, parts })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, errors: [expect.objectContaining({ field })] });
    expect(professionals.reserveShared).not.toHaveBeenCalled();
  });

  it('refuses a professional who declined the request, naming the part', async () => {
    const { sut } = setUp({ declined: new Set([MARC]) });

    await expect(sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      errors: [expect.objectContaining({ field: 'parts.1.professionalId' })],
    });
  });

  it('keeps a part of the current share asked again as it is, and books only the new one', async () => {
    const kept = part('a0000000-0000-4000-8000-000000000001', ANNIE, 12);
    const { sut, professionals, assignments, outbox, manager } = setUp({ active: [kept] });

    const view = await sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: CLAIRE, hours: 8 }] });

    expect(view.shareId).toBe(SHARE);
    expect(view.parts.map((p) => p.id)[0]).toBe(kept.id);
    expect(professionals.reserveShared.mock.calls[0][0].map((b) => b.professionalId)).toEqual([CLAIRE]);
    expect(assignments.cancel).not.toHaveBeenCalled();
    expect(outbox.record.mock.calls[0][2]).not.toHaveProperty('replacesAssignmentIds');
    expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ shareId: SHARE }));
  });

  it('replaces the parts of the current share that are not asked again', async () => {
    const annie = part('a0000000-0000-4000-8000-000000000001', ANNIE, 12);
    const marc = part('a0000000-0000-4000-8000-000000000002', MARC, 8);
    const { sut, assignments, outbox, manager } = setUp({ active: [annie, marc] });

    await sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: CLAIRE, hours: 8 }] });

    expect(assignments.cancel).toHaveBeenCalledWith(manager, marc.id);
    expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ replacesAssignmentId: marc.id, replacesAssignmentIds: [marc.id] }));
  });

  it('refuses the same share again', async () => {
    const { sut, professionals } = setUp({ active: [part('a0000000-0000-4000-8000-000000000001', ANNIE, 12), part('a0000000-0000-4000-8000-000000000002', MARC, 8)] });

    await expect(sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(professionals.reserveShared).not.toHaveBeenCalled();
  });

  it('holds what an attempt that died booked for the same parts, booking nothing more', async () => {
    const left: RequestBooking[] = [
      { assignmentId: 'a0000000-0000-4000-8000-000000000007', professionalId: ANNIE, startDate: '2027-03-01', endDate: '2027-03-12', hours: 12, createdAt: '2026-11-02T14:00:00.000Z' },
      { assignmentId: 'a0000000-0000-4000-8000-000000000008', professionalId: MARC, startDate: '2027-03-01', endDate: '2027-03-12', hours: 8, createdAt: '2026-11-02T14:00:00.000Z' },
    ];
    const { sut, professionals } = setUp({ left });

    const view = await sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] });

    expect(view.parts.map((p) => p.id)).toEqual(left.map((b) => b.assignmentId));
    expect(professionals.reserveShared).not.toHaveBeenCalled();
  });

  it('gives every part back when the share cannot be saved, and books none when one part does not fit', async () => {
    const failing = setUp();
    failing.assignments.insertAll.mockRejectedValueOnce(new Error('Postgres is gone'));
    await expect(failing.sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] })).rejects.toThrow('Postgres is gone');
    expect(failing.professionals.release.mock.calls.map(([id]) => id).sort()).toEqual(failing.professionals.reserveShared.mock.calls[0][0].map((b) => b.assignmentId).sort());

    const full = setUp();
    full.professionals.reserveShared.mockRejectedValueOnce(new DomainException(ErrorCode.CapacityExceeded, '2027-W10 needs 6 h but has 2 h free'));
    await expect(full.sut.assign({ requestId: REQUEST, parts: [{ professionalId: ANNIE, hours: 12 }, { professionalId: MARC, hours: 8 }] })).rejects.toMatchObject({ code: ErrorCode.CapacityExceeded });
    expect(full.assignments.insertAll).not.toHaveBeenCalled();
    expect(full.professionals.release).not.toHaveBeenCalled();
  });
});
