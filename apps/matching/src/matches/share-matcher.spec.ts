import { DomainException, ErrorCode, RequestEvents, type NearestFitView } from '@coop/contracts';
import type { OutboxService } from '@coop/platform';
import { mockManager, mockOf } from '@coop/platform/testing';
import { AssignmentEntity } from '../assignment/assignment.entity.js';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { EarlierAttempts } from '../assignment/earlier-attempts.js';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import type { MatchContext } from '../ranking/candidate-facts.js';
import { rankCandidates } from '../ranking/rank.js';
import { legalAdviser, legalRequest } from '../ranking/ranking.fixtures.js';
import { MatchService } from './match.service.js';
import { ShareMatcher } from './share-matcher.js';

const REQUEST = '0d6c8f3e-6a43-4c1e-9a57-3b8e3f1f2a01';
const SHARE = 'c0000000-0000-4000-8000-000000000001';
const KEPT = 'b0000000-0000-4000-8000-000000000001';
const DECLINED = 'b0000000-0000-4000-8000-000000000002';
const NEXT = 'b0000000-0000-4000-8000-000000000003';

// legalRequest(): 20 h from 2027-03-01 to 2027-03-12.
function matchRequest(autoAssign: boolean): MatchRequestEntity {
  const { declinedBy: _declined, ...context } = legalRequest();
  return Object.assign(new MatchRequestEntity(), { ...context, id: REQUEST, memberId: '5b0c0f4e-8f0e-4c47-b3a4-0f5f6a0f7c11', title: 'Règlements', description: 'Révision', region: 'quebec', autoAssign, autoAssignSplit: true, status: 'submitted', lastMatches: null });
}

const kept = Object.assign(new AssignmentEntity(), { id: 'a0000000-0000-4000-8000-000000000001', requestId: REQUEST, professionalId: KEPT, hours: 12, costRate: 90, estimatedCost: 1080, status: 'active', shareId: SHARE, createdAt: new Date() });

function setUp(reserveFails = false) {
  const manager = mockManager();
  const matches = mockOf<MatchService>({ rank: async (context: MatchContext) => ({ ...rankCandidates([legalAdviser(NEXT)], context), reading: { past: new Map() } }), toView: () => ({ candidates: [] }) });
  const capacityTaken = async () => {
    if (reserveFails) throw new DomainException(ErrorCode.CapacityExceeded, '2027-W10 needs 4 h but has 1 h free');
  };
  const professionals = mockOf<ProfessionalsPort>({ reserve: capacityTaken, reserveShared: capacityTaken, factsOf: async (id) => legalAdviser(id) });
  const outbox = mockOf<OutboxService>();
  const requests = mockOf<MatchRequestRepository>({ setStatus: async () => undefined });
  const assignments = mockOf<AssignmentRepository>({ insert: async () => undefined, insertAll: async () => undefined });
  const sut = new ShareMatcher(matches, professionals, outbox, mockOf<EarlierAttempts>(), new MatchingConfig(), requests, assignments);
  return { sut, manager, matches, professionals, outbox, requests, assignments };
}

describe(ShareMatcher.name, () => {
  describe('after a part declined', () => {
    it('looks for the hours the share lacks, without who declined or holds a part, and the first one free joins the share', async () => {
      const { sut, manager, matches, professionals, assignments, outbox } = setUp();

      await sut.fillShare(manager, matchRequest(true), [kept], new Set([DECLINED]), false);

      const [context] = matches.rank.mock.calls[0];
      expect(context.estimatedHours).toBe(8);
      expect([...context.declinedBy].sort()).toEqual([KEPT, DECLINED].sort());
      expect(professionals.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: NEXT, hours: 8, requestId: REQUEST }));
      expect(assignments.insert).toHaveBeenCalledWith(manager, expect.objectContaining({ professionalId: NEXT, hours: 8, shareId: SHARE, automatic: true }));
      expect(outbox.record).toHaveBeenCalledWith(
        manager,
        RequestEvents.assigned,
        expect.objectContaining({ assignmentId: kept.id, shareId: SHARE, hours: 20, parts: [expect.objectContaining({ professionalId: KEPT, hours: 12 }), expect.objectContaining({ professionalId: NEXT, hours: 8 })] }),
      );
    });

    it('waits for a coordinator without automatic assignment, and is unmatched when the capacity was taken meanwhile', async () => {
      const review = setUp();
      await review.sut.fillShare(review.manager, matchRequest(false), [kept], new Set([DECLINED]), false);
      expect(review.requests.setStatus).toHaveBeenCalledWith(review.manager, REQUEST, 'pending_review', expect.anything());
      expect(review.professionals.reserve).not.toHaveBeenCalled();

      const taken = setUp(true);
      await taken.sut.fillShare(taken.manager, matchRequest(true), [kept], new Set([DECLINED]), false);
      expect(taken.outbox.record).toHaveBeenCalledWith(taken.manager, RequestEvents.unmatched, expect.objectContaining({ reason: 'no professional free for the 8 h the shared request is short of' }));
    });
  });

  describe('an automatic split', () => {
    const split = {
      kind: 'split',
      professionals: [
        { professionalId: KEPT, hours: 12 },
        { professionalId: NEXT, hours: 8 },
      ],
    } as NearestFitView;

    it('books both parts in one call and assigns them as one share', async () => {
      const { sut, manager, professionals, assignments, outbox } = setUp();

      expect(await sut.assignSplit(manager, matchRequest(true), [split], new Set())).toBe(true);

      expect(professionals.reserveShared.mock.calls[0][0].map((b) => [b.professionalId, b.hours])).toEqual([[KEPT, 12], [NEXT, 8]]);
      const [, parts] = assignments.insertAll.mock.calls[0];
      expect(parts.map((p) => [p.professionalId, p.hours, p.automatic])).toEqual([[KEPT, 12, true], [NEXT, 8, true]]);
      expect(new Set(parts.map((p) => p.shareId)).size).toBe(1);
      expect(outbox.record).toHaveBeenCalledWith(manager, RequestEvents.assigned, expect.objectContaining({ automatic: true, hours: 20, shareId: parts[0].shareId }));
    });

    it('books the same ids again on a redelivery, and gives up when the split was taken meanwhile or there is none', async () => {
      const once = setUp();
      await once.sut.assignSplit(once.manager, matchRequest(true), [split], new Set());
      const again = setUp();
      await again.sut.assignSplit(again.manager, matchRequest(true), [split], new Set());
      expect(again.professionals.reserveShared.mock.calls[0][0].map((b) => b.assignmentId)).toEqual(once.professionals.reserveShared.mock.calls[0][0].map((b) => b.assignmentId));

      const taken = setUp(true);
      expect(await taken.sut.assignSplit(taken.manager, matchRequest(true), [split], new Set())).toBe(false);
      expect(taken.assignments.insertAll).not.toHaveBeenCalled();
      expect(await taken.sut.assignSplit(taken.manager, matchRequest(true), [], new Set())).toBe(false);
    });
  });
});
