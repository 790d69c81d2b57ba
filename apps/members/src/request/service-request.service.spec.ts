import { ErrorCode, formatDay, RequestEvents, type SubmitServiceRequestCommand, today } from '@coop/contracts';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import type { OutboxService } from '@coop/platform';
import { MembersConfig } from '../config.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { MemberEntity } from '../member/member.entity.js';
import { RequestHistoryEntity } from './request-history.entity.js';
import { ServiceRequestRepository } from './service-request.repository.js';
import { ServiceRequestEntity } from './service-request.entity.js';
import { ServiceRequestService } from './service-request.service.js';

const MEMBER_ID = '5b0c0f4e-8f0e-4c47-b3a4-0f5f6a0f7c11';
const REQUEST_ID = '0d6c8f3e-6a43-4c1e-9a57-3b8e3f1f2a01';
const config = new MembersConfig();
const inTwoWeeks = (days: number) => formatDay(today(config.TIME_ZONE) + 14 + days);

const member = Object.assign(new MemberEntity(), {
  id: MEMBER_ID,
  name: 'Fédération des coopératives funéraires',
  sector: 'funeral',
  language: 'fr',
  region: 'montreal',
  contactEmail: 'info@example.org',
  autoAssign: true,
});

const submission: SubmitServiceRequestCommand = {
  memberId: MEMBER_ID,
  domain: 'legal',
  title: 'Révision des règlements',
  description: 'Nos règlements généraux datent de 1998.',
  startDate: inTwoWeeks(0),
  endDate: inTwoWeeks(13),
  estimatedHours: 20,
};

function stored(overrides: Partial<ServiceRequestEntity> = {}): ServiceRequestEntity {
  return Object.assign(new ServiceRequestEntity(), {
    id: REQUEST_ID,
    memberId: MEMBER_ID,
    domain: 'legal',
    title: submission.title,
    description: submission.description,
    startDate: submission.startDate,
    endDate: submission.endDate,
    estimatedHours: 20,
    language: 'fr',
    region: 'montreal',
    onSite: false,
    urgency: 'normal',
    autoAssignOverride: null,
    autoAssign: true,
    status: 'submitted',
    statusReason: null,
    assignmentId: null,
    professionalId: null,
    assignedHours: null,
    estimatedCost: null,
    assignedAutomatically: null,
    createdAt: new Date('2026-11-02T14:00:00.000Z'),
    updatedAt: new Date('2026-11-02T14:00:00.000Z'),
    ...overrides,
  });
}

function setUp({ request = stored(), history = [] as RequestHistoryEntity[] } = {}) {
  const manager = mockManager();
  const requests = mockOf<ServiceRequestRepository>({
    find: async (scope) => (scope.id === request.id && (!scope.memberId || scope.memberId === request.memberId) ? request : null),
    lock: async (_manager, scope) => (scope.id === request.id && (!scope.memberId || scope.memberId === request.memberId) ? request : null),
    lockMember: async (_manager, id) => (id === MEMBER_ID ? member : null),
    insert: async (_manager, values) => stored({ ...values }),
    save: async (_manager, entity) => ({ ...entity, updatedAt: new Date('2026-11-03T09:00:00.000Z') }),
    history: async () => history,
  });
  const outbox = mockOf<OutboxService>();
  const idempotency = mockOf<IdempotencyService>({ run: async (_manager, _ref, _request, work) => ({ response: await work(), replayed: false }) });
  const transactions = inlineTransactions(manager);
  const sut = new ServiceRequestService(transactions, requests, outbox, idempotency, config);
  return { sut, requests, outbox, idempotency, transactions, manager };
}

describe(ServiceRequestService.name, () => {
  describe('submit', () => {
    it("stores the request with the member's defaults for what it does not say, and announces it", async () => {
      const { sut, requests, outbox, manager } = setUp();

      expect(await sut.submit(submission)).toEqual({ id: REQUEST_ID, status: 'submitted', replayed: false });

      // What was sent, with the member's language, region and policy, and the defaults.
      expect(requests.insert).toHaveBeenCalledWith(manager, {
        ...submission,
        language: 'fr',
        region: 'montreal',
        onSite: false,
        urgency: 'normal',
        autoAssign: true,
        autoAssignOverride: null,
        status: 'submitted',
      });
      expect(outbox.record).toHaveBeenCalledWith(
        manager,
        RequestEvents.submitted,
        expect.objectContaining({ requestId: REQUEST_ID, memberId: MEMBER_ID, language: 'fr', region: 'montreal', autoAssign: true, memberSector: 'funeral', submittedAt: '2026-11-02T14:00:00.000Z' }),
      );
    });

    it("keeps what the request says over the member's policy", async () => {
      const { sut, requests } = setUp();

      await sut.submit({ ...submission, language: 'en', region: 'quebec', onSite: true, urgency: 'high', autoAssign: false });

      expect(requests.insert).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ language: 'en', region: 'quebec', onSite: true, urgency: 'high', autoAssign: false, autoAssignOverride: false }),
      );
    });

    it('runs under its Idempotency-Key, in the same transaction', async () => {
      const { sut, idempotency, manager } = setUp();
      const key = { scope: 'credential-1', key: 'order-42' };

      await sut.submit({ ...submission, idempotency: key });

      const { idempotency: _key, ...request } = { ...submission, idempotency: key };
      expect(idempotency.run).toHaveBeenCalledWith(manager, key, request, expect.any(Function));
    });

    it('refuses a member that does not exist, storing nothing', async () => {
      const { sut, requests, outbox } = setUp();

      await expect(sut.submit({ ...submission, memberId: 'c0ffee00-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect(requests.insert).not.toHaveBeenCalled();
      expect(outbox.record).not.toHaveBeenCalled();
    });

    it('refuses a window in the past, naming the field', async () => {
      const { sut, requests } = setUp();

      const refusal = sut.submit({ ...submission, startDate: '2020-01-06', endDate: '2020-01-10' });

      await expect(refusal).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, errors: [expect.objectContaining({ field: 'startDate' })] });
      expect(requests.insert).not.toHaveBeenCalled();
    });
  });

  describe('cancel', () => {
    it('cancels an open request with its reason, records it and announces it', async () => {
      const { sut, requests, outbox, manager } = setUp({ request: stored({ status: 'assigned', assignmentId: 'a0000000-0000-4000-8000-000000000001' }) });

      const view = await sut.cancel({ id: REQUEST_ID, memberId: MEMBER_ID, reason: 'Budget gelé' });

      expect(view).toMatchObject({ status: 'cancelled', statusReason: 'Budget gelé' });
      expect(requests.save).toHaveBeenCalledWith(manager, expect.objectContaining({ status: 'cancelled' }), { type: 'cancelled', details: { reason: 'Budget gelé' } });
      expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.cancelled, { requestId: REQUEST_ID, memberId: MEMBER_ID, reason: 'Budget gelé' });
    });

    it('changes nothing when the request is cancelled already', async () => {
      const { sut, requests, outbox } = setUp({ request: stored({ status: 'cancelled' }) });

      expect(await sut.cancel({ id: REQUEST_ID })).toMatchObject({ status: 'cancelled' });
      expect(requests.save).not.toHaveBeenCalled();
      expect(outbox.record).not.toHaveBeenCalled();
    });

    it('refuses to cancel completed work', async () => {
      const { sut, outbox } = setUp({ request: stored({ status: 'completed', assignmentId: 'a0000000-0000-4000-8000-000000000001' }) });

      await expect(sut.cancel({ id: REQUEST_ID })).rejects.toMatchObject({ code: ErrorCode.InvalidStateTransition });
      expect(outbox.record).not.toHaveBeenCalled();
    });

    it("answers not found for another member's request", async () => {
      const { sut, requests } = setUp();

      await expect(sut.cancel({ id: REQUEST_ID, memberId: 'c0ffee00-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect(requests.save).not.toHaveBeenCalled();
    });
  });

  describe('history', () => {
    const assigned = Object.assign(new RequestHistoryEntity(), {
      sequence: '2',
      requestId: REQUEST_ID,
      type: 'assigned',
      status: 'assigned',
      occurredAt: new Date('2026-11-02T15:00:00.000Z'),
      details: { assignmentId: 'a0000000-0000-4000-8000-000000000001', reason: 'Connaît la fédération' },
    });

    it("shows a coordinator the reason for an assignment, and hides it from the member's partner", async () => {
      const { sut } = setUp({ history: [assigned] });

      expect((await sut.history({ id: REQUEST_ID })).entries).toEqual([expect.objectContaining({ type: 'assigned', reason: 'Connaît la fédération' })]);
      const [entry] = (await sut.history({ id: REQUEST_ID, memberId: MEMBER_ID })).entries;
      expect(entry).toMatchObject({ type: 'assigned', assignmentId: 'a0000000-0000-4000-8000-000000000001' });
      expect(entry).not.toHaveProperty('reason');
    });
  });

  it('answers not found for a request that does not exist', async () => {
    const { sut } = setUp();

    await expect(sut.get({ id: 'c0ffee00-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
