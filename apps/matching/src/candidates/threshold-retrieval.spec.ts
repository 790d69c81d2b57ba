import fc from 'fast-check';
import type { ProfessionalSearchDocument } from '@coop/contracts';
import type { WindowAvailability } from '../ranking/candidate-facts.js';
import { type ListRead, type Rating, type RetrievalPlan, retrieveTop } from './threshold-retrieval.js';

/** One professional of a fake index: what the ranking would make of them, and where the index puts them. */
interface Person {
  id: string;
  profile: number;
  sector: boolean;
  /** 0: matches none of the words. */
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
 * sorted by profile score; the text list only those holding a keyword, ties by relevance; the others, ties in
 * another order (by id, reversed), as the index's own tie-breakers would.
 */
function fakeIndex(people: Person[], counter: { hits: number }) {
  const matches = (person: Person, filter: string): boolean =>
    filter.split(' AND ').every((part) => {
      if (part === 'SET') return person.inSet;
      if (part === 'ALL') return true;
      if (part === 'S+') return person.sector;
      if (part === 'S-') return !person.sector;
      const ids = /^id IN \[(.*)\]$/.exec(part);
      if (ids) return ids[1].split(', ').includes(`"${person.id}"`);
      const bound = /^profileScores\.legal (<=|<|>=|=) (.+)$/.exec(part);
      if (bound) {
        const value = Number(bound[2]);
        const compare = { '<=': person.profile <= value, '<': person.profile < value, '>=': person.profile >= value, '=': person.profile === value };
        return compare[bound[1] as keyof typeof compare];
      }
      throw new Error(`unknown filter part ${part}`);
    });
  return async (reads: ListRead[]) =>
    reads.map(({ list, offset, limit }) => {
      const found = people
        .filter((person) => matches(person, list.filter) && (!list.keywords || person.relevance > 0))
        .sort((a, b) => b.profile - a.profile || (list.keywords ? b.relevance - a.relevance : a.id < b.id ? 1 : -1));
      const page = found.slice(offset, offset + limit);
      counter.hits += page.length;
      return page.map((person) => ({ document: { id: person.id, profileScores: { legal: person.profile } } as unknown as ProfessionalSearchDocument, relevance: list.keywords ? person.relevance : 0 }));
    });
}

function rating(person: Person, relevance: number): Rating {
  // Summed in another order than the bounds, as the ranking's own weighted sum is.
  const score = person.window + TEXT * relevance + (person.sector ? SECTOR : 0) + Math.min(person.past, 3) * (0.08 / 3) + person.profile;
  return { excluded: person.declined, available: person.available, score };
}

/** The exhaustive ranking's best of those wanted: by score, then id. */
function exhaustiveTop(people: Person[], wanted: 'available' | 'unavailable', top: number, keywords: string[]): string[] {
  return people
    .filter((p) => p.inSet && !p.declined && p.available === (wanted === 'available'))
    .map((p) => ({ id: p.id, score: rating(p, keywords.length === 0 ? 0 : p.relevance).score }))
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

describe(retrieveTop.name, () => {
  const plan = (people: Person[], overrides: Partial<RetrievalPlan>): RetrievalPlan => ({
    domain: 'legal',
    keywords: ['contrat'],
    setFilter: 'SET',
    textFilter: 'ALL',
    streams: [
      { filter: 'S+', bonus: SECTOR },
      { filter: 'S-', bonus: 0 },
    ],
    rest: REST,
    known: people.filter((p) => p.past > 0).map((p) => p.id),
    top: 10,
    wanted: 'available',
    firstPage: 4,
    maxDepth: 5_000,
    ...overrides,
  });

  it('gives exactly the exhaustive ranking’s top, ties to the smaller id, whatever the data', async () => {
    await fc.assert(
      fc.asyncProperty(population, fc.constantFrom<string[]>(['contrat'], []), fc.integer({ min: 1, max: 12 }), fc.constantFrom('available', 'unavailable'), async (people, keywords, top, wanted) => {
        const byId = new Map(people.map((p) => [p.id, p]));
        const outcome = await retrieveTop(plan(people, { keywords, top, wanted: wanted as 'available' | 'unavailable' }), {
          read: fakeIndex(people, { hits: 0 }),
          availability: async (ids) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
          rate: (document, relevance) => rating(byId.get(document.id)!, relevance),
        });
        const ranked = [...outcome.retrieved.values()]
          .filter((r) => r.relevanceKnown || keywords.length === 0)
          .map((r) => ({ id: r.document.id, rating: rating(byId.get(r.document.id)!, r.relevance) }))
          .filter((r) => !r.rating.excluded && r.rating.available === (wanted === 'available'))
          .sort((a, b) => b.rating.score - a.rating.score || (a.id < b.id ? -1 : 1))
          .slice(0, top)
          .map((r) => r.id);
        // Who was read with an unknown relevance is below the top, so leaving them out changes nothing.
        expect(ranked).toEqual(exhaustiveTop(people, wanted as 'available' | 'unavailable', top, keywords));
        expect(outcome.exact).toBe(true);
        for (const r of outcome.retrieved.values()) if (r.relevanceKnown) expect(r.relevance).toBe(keywords.length === 0 ? 0 : byId.get(r.document.id)!.relevance);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps reading a slow stream for someone the text list already returned', async () => {
    const person = (id: string, profile: number, sector: boolean, relevance: number, window: number): Person => ({ id, profile, sector, relevance, window, available: true, declined: false, past: 0, inSet: true });
    // Ten of the sector with a poor window (0.58 each); in the other stream three of a higher
    // profile score and no text (0.41), then one a little lower who matches the text fully (0.645).
    const people = [
      ...Array.from({ length: 10 }, (_, i) => person(`s${i}`, 0.3, true, 0, 0.1)),
      ...Array.from({ length: 3 }, (_, i) => person(`d${i}`, 0.31, false, 0, 0.1)),
      person('best', 0.305, false, 1, REST),
    ];
    const byId = new Map(people.map((p) => [p.id, p]));
    const outcome = await retrieveTop(plan(people, { known: [], firstPage: 10 }), {
      read: fakeIndex(people, { hits: 0 }),
      availability: async (ids) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
      rate: (document, relevance) => rating(byId.get(document.id)!, relevance),
    });

    expect(outcome.retrieved.has('best')).toBe(true);
    expect(exhaustiveTop(people, 'available', 10, ['contrat'])[0]).toBe('best');
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
    const byId = new Map(people.map((p) => [p.id, p]));
    const index = fakeIndex(people, counter);
    const textFilters: string[] = [];
    const outcome = await retrieveTop(plan(people, { known: [], firstPage: 20 }), {
      read: async (reads) => {
        textFilters.push(...reads.filter((read) => read.list.keywords).map((read) => read.list.filter));
        return index(reads);
      },
      availability: async (ids) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
      rate: (document, relevance) => rating(byId.get(document.id)!, relevance),
    });

    expect(outcome.hits).toBeLessThan(400);
    expect(outcome.retrieved.size).toBeLessThan(300);
    // Once the threshold is known, the text list is read no lower than where relevance can matter.
    expect(textFilters.length).toBeGreaterThan(1);
    expect(textFilters.slice(1).every((filter) => / AND profileScores\.legal >= 0\.\d+/.test(filter))).toBe(true);
  });

  it('reads the text list below its last score, never at an offset; a tie larger than a page at once', async () => {
    // Thirty tied at the top score, half matching the text; the best matches it fully further down.
    const people: Person[] = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, profile: 0.32, sector: false, relevance: i % 2 === 0 ? 0.5 : 0, window: 0.1, available: true, declined: false, past: 0, inSet: true })),
      { id: 'best', profile: 0.3, sector: false, relevance: 1, window: REST, available: true, declined: false, past: 0, inSet: true },
    ];
    const byId = new Map(people.map((p) => [p.id, p]));
    const retrieve = async (maxDepth: number) => {
      const index = fakeIndex(people, { hits: 0 });
      const textReads: ListRead[] = [];
      const outcome = await retrieveTop(plan(people, { known: [], firstPage: 4, top: 1, maxDepth }), {
        read: async (reads) => {
          textReads.push(...reads.filter((read) => read.list.keywords));
          return index(reads);
        },
        availability: async (ids) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
        rate: (document, relevance) => rating(byId.get(document.id)!, relevance),
      });
      return { outcome, textReads, filters: textReads.map((read) => read.list.filter) };
    };

    const paged = await retrieve(5_000);
    expect(paged.textReads.every((read) => read.offset === 0)).toBe(true);
    expect(paged.filters.slice(0, 3)).toEqual(['ALL', 'ALL AND profileScores.legal <= 0.32', 'ALL AND profileScores.legal <= 0.32']);
    expect(paged.outcome.retrieved.get('best')?.relevance).toBe(1);
    expect(paged.outcome.exact).toBe(true);
    expect(exhaustiveTop(people, 'available', 1, ['contrat'])).toEqual(['best']);

    // Pages of at most 6: the third holds only those already read, so the tie is asked for at once,
    // and as it is more than the index's depth, retrieval says the result may not be exact.
    const tied = await retrieve(6);
    expect(tied.filters).toEqual(['ALL', 'ALL AND profileScores.legal <= 0.32', 'ALL AND profileScores.legal <= 0.32', 'ALL AND profileScores.legal = 0.32']);
    expect(tied.outcome.exact).toBe(false);
  });

  it('says when the index’s depth limit cut a list short', async () => {
    const people: Person[] = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, profile: 0.3, sector: false, relevance: 0, window: REST, available: false, declined: false, past: 0, inSet: true }));
    const byId = new Map(people.map((p) => [p.id, p]));
    const outcome = await retrieveTop(plan(people, { known: [], maxDepth: 8 }), {
      read: fakeIndex(people, { hits: 0 }),
      availability: async (ids) => new Map(ids.map((id) => [id, {} as WindowAvailability])),
      rate: (document, relevance) => rating(byId.get(document.id)!, relevance),
    });

    expect(outcome.exact).toBe(false);
  });
});
