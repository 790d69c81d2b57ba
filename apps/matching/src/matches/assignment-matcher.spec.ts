import { DomainException, ErrorCode, RequestEvents, type RequestBooking } from '@coop/contracts';
import type { OutboxService } from '@coop/platform';
import { mockManager, mockOf } from '@coop/platform/testing';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { EarlierAttempts } from '../assignment/earlier-attempts.js';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { rankCandidates } from '../ranking/rank.js';
import { legalAdviser, legalRequest } from '../ranking/ranking.fixtures.js';
import { AssignmentMatcher } from './assignment-matcher.js';
import { type MatchRanking, MatchService, type RankOptions } from './match.service.js';
import { NearestFitsService } from './nearest-fits.service.js';
import { ShareMatcher } from './share-matcher.js';

const REQUEST_ID = '0d6c8f3e-6a43-4c1e-9a57-3b8e3f1f2a01';

function matchingRequest(autoAssign: boolean): MatchRequestEntity {
  const context = legalRequest();
  return Object.assign(new MatchRequestEntity(), {
    ...context,
    id: REQUEST_ID,
    memberId: '5b0c0f4e-8f0e-4c47-b3a4-0f5f6a0f7c11',
    title: 'Règlements',
    description: 'Révision',
    region: context.region ?? null,
    autoAssign,
    status: 'submitted',
    lastMatches: null,
  });
}

const busy = legalAdviser('p-busy', { availability: { capacityHours: 70, bookedHours: 70, freeHours: 0, timeOffHours: 0, firstWeekFreeHours: 0, firstWeekNeededHours: 10 } });
const free = legalAdviser('p-free');
const ranking = (...facts: Parameters<typeof rankCandidates>[0]): MatchRanking => ({ ...rankCandidates(facts, legalRequest()), reading: { past: new Map() } });

function matcherWith(request: MatchRequestEntity, rankings: { fitting: MatchRanking; everyone: MatchRanking }, leftBooked?: RequestBooking, splitBooked = true) {
  const matches = mockOf<MatchService>({
    rank: async (_context, options: RankOptions) => (options.fittingOnly ? rankings.fitting : rankings.everyone),
    toView: () => ({ candidates: [] }),
  });
  const professionals = mockOf<ProfessionalsPort>({ reserve: async () => undefined, release: async () => undefined, factsOf: async (id) => legalAdviser(id) });
  // What an earlier attempt left: adopted when the matcher's rule accepts it, released otherwise.
  const earlierAttempts = mockOf<EarlierAttempts>({ settle: async (_manager, _requestId, adoptable) => (leftBooked && adoptable?.(leftBooked) ? leftBooked : undefined) });
  const outbox = mockOf<OutboxService>({ entry: (_manager, contract) => ({ envelope: {} as never, insert: { text: `INSERT INTO outbox_event … (${contract.subject})`, values: [] } }) });
  const requests = mockOf<MatchRequestRepository>({ find: async () => request, setStatus: async () => undefined });
  const assignments = mockOf<AssignmentRepository>({ standing: async () => [], insertion: (_manager, assignment) => ({ text: 'INSERT INTO assignment …', values: [assignment.professionalId] }) });
  const summary = { requestedHours: 20, availableProfessionals: 0, hoursPossibleNow: 12, suggestions: 1, text: { fr: 'Personne pour 20 h', en: 'Nobody for 20 h' } };
  const nearestFits = mockOf<NearestFitsService>({ ofUnmatched: async () => ({ view: { summary, suggestions: [] }, summary }) });
  const shares = mockOf<ShareMatcher>({ assignSplit: async () => splitBooked });
  const matcher = new AssignmentMatcher(matches, professionals, outbox, earlierAttempts, new MatchingConfig(), nearestFits, requests, assignments, shares);
  return {
    run: (options?: { retry: boolean }) => matcher.run(mockManager(), REQUEST_ID, options),
    rank: matches.rank,
    reserve: professionals.reserve,
    release: professionals.release,
    record: outbox.record,
    entry: outbox.entry,
    settle: earlierAttempts.settle,
    ofUnmatched: nearestFits.ofUnmatched,
    summary,
    assignSplit: shares.assignSplit,
    setStatus: requests.setStatus,
  };
}

describe(AssignmentMatcher.name, () => {
  it('assigns from those search sees free for the whole window, without ranking everyone', async () => {
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(free), everyone: ranking(free, busy) });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => options.fittingOnly ?? false)).toEqual([true]);
    expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free' }));
    expect(sut.entry).toHaveBeenCalledWith(expect.anything(), RequestEvents.assigned, expect.objectContaining({ professionalId: 'p-free' }));
  });

  it('asks retrieval for the exact best alone before booking', async () => {
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(free), everyone: ranking(free) });

    await sut.run();

    expect(sut.rank.mock.calls[0][1]).toEqual(expect.objectContaining({ fittingOnly: true, top: 1 }));
  });

  it('ranks everyone again and books the next when the best was just booked by another request', async () => {
    const second = legalAdviser('p-second', { domains: [{ code: 'legal', level: 2, years: 2 }] });
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(free, second), everyone: ranking(free, second) });
    sut.reserve.mockImplementation(async (booking) => {
      if (booking.professionalId === 'p-free') throw new DomainException(ErrorCode.CapacityExceeded, 'taken');
    });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => [options.fittingOnly ?? false, options.top])).toEqual([
      [true, 1],
      [false, undefined],
    ]);
    expect(sut.reserve.mock.calls.map(([booking]) => booking.professionalId)).toEqual(['p-free', 'p-second']);
    expect(sut.entry).toHaveBeenCalledWith(expect.anything(), RequestEvents.assigned, expect.objectContaining({ professionalId: 'p-second' }));
  });

  it('keeps the ranking for coordinators only when the request waits for them', async () => {
    const assigned = matcherWith(matchingRequest(true), { fitting: ranking(free), everyone: ranking(free) });
    const review = matcherWith(matchingRequest(false), { fitting: ranking(free), everyone: ranking(free) });

    await assigned.run();
    await review.run();

    // The assignment and its event are inserted in the same statement.
    expect(assigned.setStatus).toHaveBeenCalledWith(expect.anything(), REQUEST_ID, 'assigned', null, [
      { text: 'INSERT INTO assignment …', values: ['p-free'] },
      { text: `INSERT INTO outbox_event … (${RequestEvents.assigned.subject})`, values: [] },
    ]);
    expect(review.setStatus).toHaveBeenCalledWith(expect.anything(), REQUEST_ID, 'pending_review', { candidates: [] });
  });

  it('ranks everyone when none of the fitting is available, and assigns whoever is', async () => {
    // The index still saw p-free as busy (it lags a booking release): only the wider search finds them.
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(busy), everyone: ranking(busy, free) });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => options.fittingOnly ?? false)).toEqual([true, false]);
    expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free' }));
  });

  it('ranks everyone from what the fitting-only ranking read, not reading it again', async () => {
    const fitting = { ...ranking(busy), reading: { past: new Map([['p-busy', 2]]), fittingSet: [busy] } };
    const sut = matcherWith(matchingRequest(true), { fitting, everyone: ranking(busy) });

    await sut.run();

    expect(sut.rank.mock.calls[1][1].after).toBe(fitting.reading);
  });

  it('tells the member the nearest fits when nobody is available, and looks for them only then', async () => {
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(busy), everyone: ranking(busy) });

    await sut.run();

    expect(sut.ofUnmatched).toHaveBeenCalledTimes(1);
    expect(sut.record).toHaveBeenCalledWith(expect.anything(), RequestEvents.unmatched, expect.objectContaining({ nearestFits: sut.summary }));

    const assigned = matcherWith(matchingRequest(true), { fitting: ranking(free), everyone: ranking(free) });
    await assigned.run();
    expect(assigned.ofUnmatched).not.toHaveBeenCalled();
  });

  it('ranks everyone for a request a coordinator will review', async () => {
    const sut = matcherWith(matchingRequest(false), { fitting: ranking(free), everyone: ranking(free, busy) });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => options.fittingOnly ?? false)).toEqual([false]);
    expect(sut.reserve).not.toHaveBeenCalled();
    expect(sut.record).toHaveBeenCalledWith(expect.anything(), RequestEvents.pendingReview, expect.objectContaining({ availableCandidates: 1 }));
  });

  describe('on a retry of the same event', () => {
    const request = matchingRequest(true);
    const leftBy = (professionalId: string, hours = request.estimatedHours): RequestBooking => ({
      assignmentId: '3f0e2d1c-0b9a-4876-9543-21fedcba9876',
      professionalId,
      startDate: request.startDate,
      endDate: request.endDate,
      hours,
      createdAt: new Date().toISOString(),
    });

    it('holds what the earlier attempt booked, without ranking or booking again', async () => {
      const sut = matcherWith(request, { fitting: ranking(free), everyone: ranking(free) }, leftBy('p-booked-earlier'));

      await sut.run({ retry: true });

      expect(sut.rank).not.toHaveBeenCalled();
      expect(sut.reserve).not.toHaveBeenCalled();
      expect(sut.entry).toHaveBeenCalledWith(
        expect.anything(),
        RequestEvents.assigned,
        expect.objectContaining({ assignmentId: '3f0e2d1c-0b9a-4876-9543-21fedcba9876', professionalId: 'p-booked-earlier', automatic: true }),
      );
    });

    it('ranks again when what was left booked has other terms (it is released)', async () => {
      const sut = matcherWith(request, { fitting: ranking(free), everyone: ranking(free) }, leftBy('p-booked-earlier', request.estimatedHours + 1));

      await sut.run({ retry: true });

      expect(sut.settle).toHaveBeenCalledTimes(1);
      expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free', requestId: REQUEST_ID }));
    });

    it('does not look for earlier bookings on a first delivery', async () => {
      const sut = matcherWith(request, { fitting: ranking(free), everyone: ranking(free) }, leftBy('p-booked-earlier'));

      await sut.run();

      expect(sut.settle).not.toHaveBeenCalled();
      expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free' }));
    });
  });

  it('shares a request nobody is free for between two only when the member allows a split', async () => {
    const without = matcherWith(matchingRequest(true), { fitting: ranking(busy), everyone: ranking(busy) });
    await without.run();
    expect(without.assignSplit).not.toHaveBeenCalled();
    expect(without.record).toHaveBeenCalledWith(expect.anything(), RequestEvents.unmatched, expect.anything());

    const allowed = Object.assign(matchingRequest(true), { autoAssignSplit: true });
    const sut = matcherWith(allowed, { fitting: ranking(busy), everyone: ranking(busy) });
    await sut.run();
    expect(sut.assignSplit).toHaveBeenCalledTimes(1);
    expect(sut.record).not.toHaveBeenCalledWith(expect.anything(), RequestEvents.unmatched, expect.anything());
  });

  it('is unmatched when the split it may take was booked meanwhile', async () => {
    const sut = matcherWith(Object.assign(matchingRequest(true), { autoAssignSplit: true }), { fitting: ranking(busy), everyone: ranking(busy) }, undefined, false);
    await sut.run();
    expect(sut.assignSplit).toHaveBeenCalledTimes(1);
    expect(sut.record).toHaveBeenCalledWith(expect.anything(), RequestEvents.unmatched, expect.anything());
  });
});
