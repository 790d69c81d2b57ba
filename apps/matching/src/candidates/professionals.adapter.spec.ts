import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AvailabilityRpc, formatDay, MAX_IDS_PER_CALL, mondayOf, type ProfessionalSearchDocument, today } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import type { MatchContext } from '../ranking/candidate-facts.js';
import { MatchingConfig } from '../config.js';
import { availabilityCallSize, FIRST_PAGE_PER_PLACE, ProfessionalsAdapter, retrievalPlan } from './professionals.adapter.js';
import type { ProfessionalsSearch } from './professionals-search.js';
import type { ListHit } from './threshold-retrieval.js';

const context: MatchContext = {
  domain: 'legal',
  language: 'fr',
  startDate: '2030-01-07',
  endDate: '2030-01-18',
  estimatedHours: 20,
  urgency: 'normal',
  onSite: false,
  declinedBy: new Set(),
};

function hit(id: string): ListHit {
  const document = { id, fullName: id, domains: ['legal'], domainLevels: { legal: 4 }, domainYears: { legal: 5 }, profileScores: { legal: 0.2 }, languages: ['fr'], region: 'quebec', coopSectors: [], coopYears: 1, coopMandates: 0, costRate: 90, active: true };
  return { document: document as unknown as ProfessionalSearchDocument, relevance: 0 };
}

describe(availabilityCallSize.name, () => {
  it('keeps every answer well under NATS’s 1 MB limit, whatever the window: fewer professionals per call as it grows', () => {
    const oneWeek = availabilityCallSize('2030-01-07', '2030-01-11');
    const aYear = availabilityCallSize('2030-01-07', '2031-01-06');

    expect(oneWeek).toBeLessThanOrEqual(MAX_IDS_PER_CALL);
    expect(aYear).toBeLessThan(oneWeek);
    // About 140 bytes per week and 300 per professional are measured; the budget is 256 KB.
    for (const [size, weeks] of [[oneWeek, 1], [aYear, 53]]) expect(size * (300 + 140 * weeks)).toBeLessThan(300 * 1024);
  });
});

describe(retrievalPlan.name, () => {
  it('reads a first page of MATCH_FIRST_PAGE for the best alone, and more per place for a larger top', () => {
    const firstPage = new MatchingConfig().MATCH_FIRST_PAGE;
    const planFor = (top: number) => retrievalPlan({ context, text: '', top, past: new Map(), includeExcluded: false }, [], '', firstPage);

    expect(planFor(1).firstPage).toBe(firstPage);
    expect(planFor(10).firstPage).toBe(10 * FIRST_PAGE_PER_PLACE);
    expect(10 * FIRST_PAGE_PER_PLACE).toBeGreaterThan(firstPage);
  });
});

describe(ProfessionalsAdapter.name, () => {
  it('asks the availability of a deep retrieval in calls of at most MAX_IDS_PER_CALL, and keeps every candidate', async () => {
    const ids = Array.from({ length: 2 * MAX_IDS_PER_CALL + 50 }, () => randomUUID());
    const search = { everyone: async () => ids.map(hit), timeZone: 'America/Toronto' } as unknown as ProfessionalsSearch;
    const send = jest.fn(async (_contract: unknown, payload: { professionalIds: string[] }) => ({
      items: payload.professionalIds.map((professionalId) => ({
        professionalId,
        active: true,
        weeklyCapacityHours: 35,
        workingDays: 10,
        capacityHours: 70,
        bookedHours: 0,
        maxReservableHours: 70,
        timeOffDayCount: 0,
        firstWeekFreeHours: 35,
        firstWeekWindowWorkingDays: 5,
      })),
    }));
    const adapter = new ProfessionalsAdapter(search, { send } as unknown as RpcClient, new MatchingConfig());

    const facts = await adapter.findCandidates({ context, text: '', top: 10, past: new Map(), includeExcluded: false, exhaustive: true });

    expect(send.mock.calls.map(([contract]) => contract)).toEqual([AvailabilityRpc.window, AvailabilityRpc.window, AvailabilityRpc.window]);
    expect(send.mock.calls.map(([, payload]) => payload.professionalIds.length)).toEqual([MAX_IDS_PER_CALL, MAX_IDS_PER_CALL, 50]);
    expect(facts.map((f) => f.professionalId)).toEqual(ids);
    expect(facts[0].availability).toEqual({ capacityHours: 70, bookedHours: 0, freeHours: 70, timeOffHours: 0, firstWeekFreeHours: 35, firstWeekNeededHours: context.estimatedHours / 2 });
  });

  it('reads only the partly available when given a fitting set read before, and returns them after it', async () => {
    const filters: string[] = [];
    const search = {
      timeZone: 'America/Toronto',
      read: async (_domain: string, reads: Array<{ filter: string; limit: number }>) =>
        reads.map((read) => {
          filters.push(read.filter);
          return [hit(read.filter.includes('NOT (') ? 'p-partly' : 'p-fitting-again')];
        }),
    } as unknown as ProfessionalsSearch;
    const window = { active: true, weeklyCapacityHours: 35, workingDays: 10, capacityHours: 70, bookedHours: 60, maxReservableHours: 10, timeOffDayCount: 0, firstWeekFreeHours: 5, firstWeekWindowWorkingDays: 5 };
    const send = jest.fn(async (_contract: unknown, payload: { professionalIds: string[] }) => ({ items: payload.professionalIds.map((professionalId) => ({ professionalId, ...window })) }));
    const adapter = new ProfessionalsAdapter(search, { send } as unknown as RpcClient, new MatchingConfig());
    // Two weeks from the coming Monday: inside the index's horizon, where it holds free hours.
    const monday = mondayOf(today('America/Toronto')) + 14;
    const soon = { ...context, startDate: formatDay(monday), endDate: formatDay(monday + 11) };
    const readBefore = { ...(await adapter.findCandidates({ context: soon, text: '', top: 1, past: new Map(), includeExcluded: false, fittingOnly: true }))[0], professionalId: 'p-read-before' };
    filters.length = 0;

    const facts = await adapter.findCandidates({ context: soon, text: '', top: 10, past: new Map(), includeExcluded: false, fittingSet: [readBefore] });

    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((filter) => filter.includes('NOT ('))).toBe(true);
    expect(facts.map((f) => f.professionalId)).toEqual(['p-read-before', 'p-partly']);
  });
});
