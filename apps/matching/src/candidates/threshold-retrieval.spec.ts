import fc from 'fast-check';
import type { ProfessionalSearchDocument } from '@coop/contracts';
import type { WindowAvailability } from '../ranking/candidate-facts.js';
import { BEST_WINDOW } from '../ranking/factors.js';
import { type ListRead, type Rating, type RetrievalPlan, retrieveTop, type Stream } from './threshold-retrieval.js';

/** One professional of a fake index: what the ranking would make of them, and where the index puts them. */
interface Person {
  id: string;
  profile: number;
  sector: boolean;
  /** 0: holds none of the request's keywords. */
  relevance: number;
  /** Window factors, at most `REST`. */
  window: number;
  available: boolean;
  declined: boolean;
  past: number;
  inSet: boolean;
}

const REST = 0.26;
const SECTOR = 0.18;
const TEXT = 0.08;

/**
 * Meilisearch as retrieval uses it, in memory: filters made of the plan's own parts joined by AND,
 * sorted by profile score, ties in another order (by id, reversed), as the index's own
 * tie-breakers would; each hit with its relevance (0 when the request has no keywords).
 */
function fakeIndex(people: Person[], counter: { hits: number }, textual: boolean) {
  const matches = (person: Person, filter: string): boolean =>
    filter.split(' AND ').every((part) => {
      if (part === 'SET') return person.inSet;
      if (part === 'S+') return person.sector;
      if (part === 'S-') return !person.sector;
      if (part === 'T+') return person.relevance > 0;
      if (part === 'T-') return person.relevance === 0;
      const ids = /^id IN \[(.*)\]$/.exec(part);
      if (ids) return ids[1].split(', ').includes(`"${person.id}"`);
      throw new Error(`unknown filter part ${part}`);
    });
  return async (reads: ListRead[]) =>
    reads.map(({ filter, minProfileScore, offset, limit }) => {
      const found = people.filter((person) => matches(person, filter) && person.profile >= (minProfileScore ?? Number.NEGATIVE_INFINITY)).sort((a, b) => b.profile - a.profile || (a.id < b.id ? 1 : -1));
      const page = found.slice(offset, offset + limit);
      counter.hits += page.length;
      return page.map((person) => ({ document: { id: person.id, profileScores: { legal: person.profile } } as unknown as ProfessionalSearchDocument, relevance: textual ? person.relevance : 0 }));
    });
}

function rating(person: Person, relevance: number): Rating {
  // Summed in another order than the bounds, as the ranking's own weighted sum is.
  const score = person.window + TEXT * relevance + (person.sector ? SECTOR : 0) + Math.min(person.past, 3) * (0.08 / 3) + person.profile;
  return { excluded: person.declined, available: person.available, score };
}

/** The exhaustive ranking's best of those wanted: by score, then id. */
function exhaustiveTop(people: Person[], wanted: 'available' | 'unavailable', top: number, textual: boolean): string[] {
  return people
    .filter((p) => p.inSet && !p.declined && p.available === (wanted === 'available'))
    .map((p) => ({ id: p.id, score: rating(p, textual ? p.relevance : 0).score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, top)
    .map((p) => p.id);
}

const person = (id: number) =>
  fc.record({
    id: fc.constant<string>(`p${String(id).padStart(3, '0')}`),
    // Few distinct values: many ties, in profile and in the whole score.
    profile: fc.constantFrom(0, 0.08, 0.16, 0.2, 0.24, 0.3, 0.32),
    sector: fc.boolean(),
    relevance: fc.constantFrom(0, 0, 0.5, 0.9, 1),
    window: fc.constantFrom(REST, REST, REST, 0.2, 0.1),
    available: fc.constantFrom(true, true, false),
    declined: fc.constantFrom(false, false, false, false, true),
    past: fc.constantFrom(0, 0, 0, 0, 1, 3),
    inSet: fc.constantFrom(true, true, true, false),
  });

const population = fc.integer({ min: 0, max: 120 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => person(i))));

/** The streams the adapter makes: by sector, and by holding a keyword when the request has some. */
function streamsOf(textual: boolean): Stream[] {
  const bySector = [
    { filter: 'S+', bonus: SECTOR },
    { filter: 'S-', bonus: 0 },
  ];
  if (!textual) return bySector;
  return bySector.flatMap((stream) => [
    { filter: `${stream.filter} AND T+`, bonus: stream.bonus + TEXT },
    { filter: `${stream.filter} AND T-`, bonus: stream.bonus },
  ]);
}

describe(retrieveTop.name, () => {
  const plan = (people: Person[], overrides: Partial<RetrievalPlan>): RetrievalPlan => ({
    domain: 'legal',
    setFilter: 'SET',
    streams: streamsOf(true),
    rest: REST,
    known: people.filter((p) => p.past > 0).map((p) => p.id),
    top: 10,
    wanted: 'available',
    firstPage: 4,
    maxDepth: 5_000,
    ...overrides,
  });
  const sources = (people: Person[], textual = true, counter = { hits: 0 }) => {
    const byId = new Map(people.map((p) => [p.id, p]));
    return {
      read: fakeIndex(people, counter, textual),
      availability: async (ids: string[]) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
      // The ranking's own promise: nobody's window is better than BEST_WINDOW (REST here).
      rate: (document: ProfessionalSearchDocument, relevance: number, window: WindowAvailability) => {
        const person = byId.get(document.id)!;
        return rating(window === BEST_WINDOW ? { ...person, window: REST } : person, relevance);
      },
    };
  };

  it('gives exactly the exhaustive ranking’s top, ties to the smaller id, whatever the data', async () => {
    await fc.assert(
      fc.asyncProperty(population, fc.boolean(), fc.integer({ min: 1, max: 12 }), fc.constantFrom('available', 'unavailable'), async (people, textual, top, wanted) => {
        const byId = new Map(people.map((p) => [p.id, p]));
        const outcome = await retrieveTop(plan(people, { streams: streamsOf(textual), top, wanted: wanted as 'available' | 'unavailable' }), sources(people, textual));
        const ranked = [...outcome.retrieved.values()]
          .map((r) => ({ id: r.document.id, rating: rating(byId.get(r.document.id)!, r.relevance) }))
          .filter((r) => !r.rating.excluded && r.rating.available === (wanted === 'available'))
          .sort((a, b) => b.rating.score - a.rating.score || (a.id < b.id ? -1 : 1))
          .slice(0, top)
          .map((r) => r.id);
        expect(ranked).toEqual(exhaustiveTop(people, wanted as 'available' | 'unavailable', top, textual));
        expect(outcome.exact).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps reading a stream whose text could still lift someone above those of a higher profile score', async () => {
    const person = (id: string, profile: number, sector: boolean, relevance: number, window: number): Person => ({ id, profile, sector, relevance, window, available: true, declined: false, past: 0, inSet: true });
    // Ten of the sector with a poor window (0.58 each); outside it three of a higher profile score
    // holding no keyword (0.41), then, further down the stream of those holding one, one a little
    // lower who holds them all (0.645).
    const people = [
      ...Array.from({ length: 10 }, (_, i) => person(`s${i}`, 0.3, true, 0, 0.1)),
      ...Array.from({ length: 3 }, (_, i) => person(`d${i}`, 0.31, false, 0, 0.1)),
      ...Array.from({ length: 5 }, (_, i) => person(`t${i}`, 0.31, false, 0.5, 0.1)),
      person('best', 0.305, false, 1, REST),
    ];
    const outcome = await retrieveTop(plan(people, { known: [], firstPage: 10 }), sources(people));

    expect(outcome.retrieved.has('best')).toBe(true);
    expect(exhaustiveTop(people, 'available', 10, true)[0]).toBe('best');
  });

  it('stops early when the best are clear: reads a fraction of a large set', async () => {
    const people: Person[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `p${String(i).padStart(4, '0')}`,
      profile: Math.round((0.32 * (i % 97)) / 96 * 1000) / 1000,
      sector: i % 3 === 0,
      relevance: i % 5 === 0 ? 0 : 0.5 + (i % 7) / 14,
      window: REST,
      available: i % 11 !== 0,
      declined: false,
      past: 0,
      inSet: true,
    }));
    const counter = { hits: 0 };
    const outcome = await retrieveTop(plan(people, { known: [], firstPage: 20 }), sources(people, true, counter));

    expect(outcome.hits).toBeLessThan(200);
    expect(outcome.retrieved.size).toBeLessThan(200);
    expect(outcome.exact).toBe(true);
  });

  it('asks, after the first round, only about those who could still make the top with the best of windows', async () => {
    const person = (id: string, profile: number, sector: boolean, window: number): Person => ({ id, profile, sector, relevance: 0, window, available: true, declined: false, past: 0, inSet: true });
    // The sector's best scores 0.32 + 0.18 + 0.05 = 0.55 (a poor window). Outside the sector anyone
    // could reach 0.32 + REST = 0.58, so that stream is probed: its first (0.30) could reach 0.56 and
    // is asked about (0.40 in fact); the next two (0.28, 0.27) could not beat 0.55 and are not asked.
    const people = [
      person('lead', 0.32, true, 0.05),
      ...Array.from({ length: 3 }, (_, i) => person(`s${i}`, 0.1, true, 0.1)),
      person('o0', 0.3, false, 0.1),
      ...Array.from({ length: 5 }, (_, i) => person(`o${i + 1}`, 0.28 - i * 0.01, false, REST)),
    ];
    const asked: string[] = [];
    const given = sources(people, false);
    const outcome = await retrieveTop(plan(people, { known: [], streams: streamsOf(false), firstPage: 4, top: 1 }), {
      ...given,
      availability: async (ids: string[]) => (asked.push(...ids), given.availability(ids)),
    });

    expect(outcome.rounds).toBe(2);
    expect(asked.sort()).toEqual(['lead', 'o0', 's0', 's1', 's2']);
    expect(exhaustiveTop(people, 'available', 1, false)).toEqual(['lead']);
    // Those passed over are not retrieved, nor counted among the available.
    expect([...outcome.retrieved.keys()].sort()).toEqual(['lead', 'o0', 's0', 's1', 's2']);
    expect(outcome.available).toBe(5);
  });

  it('reads a stream, after the first round, only down to the profile score that could still make the top', async () => {
    const person = (id: string, profile: number, sector: boolean, window: number): Person => ({ id, profile, sector, relevance: 0, window, available: true, declined: false, past: 0, inSet: true });
    // The sector's best scores 0.32 + 0.18 + 0.05 = 0.55: outside the sector only a profile score of
    // 0.55 - REST = 0.29 or more could beat that. Three at 0.30 fill the probe; of the twenty below,
    // only the one at 0.295 is read.
    const people = [
      person('lead', 0.32, true, 0.05),
      ...Array.from({ length: 3 }, (_, i) => person(`s${i}`, 0.1, true, 0.1)),
      ...Array.from({ length: 3 }, (_, i) => person(`o${i}`, 0.3, false, 0.1)),
      person('near', 0.295, false, 0.1),
      ...Array.from({ length: 20 }, (_, i) => person(`f${i}`, 0.28 - i * 0.01, false, REST)),
    ];
    const reads: ListRead[] = [];
    const given = sources(people, false);
    const outcome = await retrieveTop(plan(people, { known: [], streams: streamsOf(false), firstPage: 4, top: 1 }), {
      ...given,
      read: (asked: ListRead[]) => (reads.push(...asked), given.read(asked)),
    });

    expect(reads.map((read) => read.minProfileScore === undefined)).toEqual([true, false, false]);
    expect(reads[2]).toMatchObject({ filter: 'SET AND S-', offset: 3 });
    expect(reads[2].minProfileScore).toBeCloseTo(0.29, 6);
    expect(outcome.hits).toBe(4 + 3 + 1);
    expect(outcome.rounds).toBe(3);
    expect(exhaustiveTop(people, 'available', 1, false)).toEqual(['lead']);
  });

  it('says when the index’s depth limit cut a list short', async () => {
    const people: Person[] = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, profile: 0.3, sector: false, relevance: 0, window: REST, available: false, declined: false, past: 0, inSet: true }));
    const outcome = await retrieveTop(plan(people, { known: [], maxDepth: 8 }), sources(people));

    expect(outcome.exact).toBe(false);
  });
});
