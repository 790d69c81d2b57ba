import { jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { RequestEvents, type RequestBooking } from '@coop/contracts';
import type { OutboxService } from '@coop/platform';
import type { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import type { MatchService, RankOptions } from '../matching/match.service.js';
import type { NearestFitsService } from '../matching/nearest-fits.service.js';
import { rankCandidates, type Ranking } from '../ranking/rank.js';
import { legalAdviser, legalRequest } from '../ranking/ranking.fixtures.js';
import { AssignmentMatcher } from './assignment-matcher.js';
import type { EarlierAttempts } from './earlier-attempts.js';
import type { ShareMatcher } from './share-matcher.js';

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
    status: 'matching',
    lastMatches: null,
  });
}

const busy = legalAdviser('p-busy', { availability: { capacityHours: 70, bookedHours: 70, freeHours: 0, timeOffHours: 0, firstWeekFreeHours: 0, firstWeekNeededHours: 10 } });
const free = legalAdviser('p-free');
const ranking = (...facts: Parameters<typeof rankCandidates>[0]): Ranking => rankCandidates(facts, legalRequest());

function matcherWith(request: MatchRequestEntity, rankings: { fitting: Ranking; everyone: Ranking }, leftBooked?: RequestBooking, splitBooked = true) {
  const rank = jest.fn(async (_context: unknown, options: RankOptions) => (options.fittingOnly ? rankings.fitting : rankings.everyone));
  const matches = { rank, toView: () => ({ candidates: [] }) } as unknown as MatchService;
  const reserve = jest.fn(async () => undefined);
  const release = jest.fn(async () => undefined);
  const professionals = { reserve, release, factsOf: async (id: string) => legalAdviser(id) } as unknown as ProfessionalsPort;
  // What an earlier attempt left: adopted when the matcher's rule accepts it, released otherwise.
  const settle = jest.fn(async (_manager: EntityManager, _requestId: string, adoptable: (booking: RequestBooking) => boolean) =>
    leftBooked && adoptable(leftBooked) ? leftBooked : undefined,
  );
  const earlierAttempts = { settle } as unknown as EarlierAttempts;
  const record = jest.fn(async () => undefined);
  const outbox = { record } as unknown as OutboxService;
  const manager = {
    findOne: async () => request,
    find: async () => [],
    insert: async () => undefined,
    update: async () => undefined,
  } as unknown as EntityManager;
  const summary = { requestedHours: 20, availableProfessionals: 0, hoursPossibleNow: 12, suggestions: 1, text: { fr: 'Personne pour 20 h', en: 'Nobody for 20 h' } };
  const ofUnmatched = jest.fn(async () => ({ view: { summary, suggestions: [] }, summary }));
  const nearestFits = { ofUnmatched } as unknown as NearestFitsService;
  const assignSplit = jest.fn(async () => splitBooked);
  const shares = { assignSplit } as unknown as ShareMatcher;
  const matcher = new AssignmentMatcher(matches, professionals, outbox, earlierAttempts, new MatchingConfig(), nearestFits, shares);
  return { run: (options?: { retry: boolean }) => matcher.run(manager, REQUEST_ID, options), rank, reserve, release, record, settle, ofUnmatched, summary, assignSplit };
}

describe(AssignmentMatcher.name, () => {
  it('assigns from those search sees free for the whole window, without ranking everyone', async () => {
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(free), everyone: ranking(free, busy) });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => options.fittingOnly ?? false)).toEqual([true]);
    expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free' }));
    expect(sut.record).toHaveBeenCalledWith(expect.anything(), RequestEvents.assigned, expect.objectContaining({ professionalId: 'p-free' }));
  });

  it('ranks everyone when none of the fitting is available, and assigns whoever is', async () => {
    // The index still saw p-free as busy (it lags a booking release): only the wider search finds them.
    const sut = matcherWith(matchingRequest(true), { fitting: ranking(busy), everyone: ranking(busy, free) });

    await sut.run();

    expect(sut.rank.mock.calls.map(([, options]) => options.fittingOnly ?? false)).toEqual([true, false]);
    expect(sut.reserve).toHaveBeenCalledWith(expect.objectContaining({ professionalId: 'p-free' }));
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
      expect(sut.record).toHaveBeenCalledWith(
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
