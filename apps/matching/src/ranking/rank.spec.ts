import fc from 'fast-check';
import { CandidateFacts } from './candidate-facts.js';
import { computeFactors } from './factors.js';
import { rankCandidates, weightedScore } from './rank.js';
import { explainCandidate, explainExclusion } from './reasons.js';
import { FACTOR_NAMES, FactorValues, RANKING_WEIGHTS } from './ranking-weights.js';
import { legalAdviser, legalRequest } from './ranking.fixtures.js';

describe(rankCandidates.name, () => {
  describe('hard constraints', () => {
    it('excludes the inactive, those without the domain or the language, and those who declined', () => {
      const context = legalRequest({ declinedBy: new Set(['p-declined']) });
      const sut = rankCandidates(
        [
          legalAdviser('p-ok'),
          legalAdviser('p-inactive', { active: false }),
          legalAdviser('p-hr', { domains: [{ code: 'hr', level: 5, years: 20 }] }),
          legalAdviser('p-english', { languages: ['en'] }),
          legalAdviser('p-declined'),
        ],
        context,
      );

      expect(sut.candidates.map((c) => c.facts.professionalId)).toEqual(['p-ok']);
      expect(Object.fromEntries(sut.excluded.map((e) => [e.facts.professionalId, e.reasons]))).toEqual({
        'p-declined': ['declined'],
        'p-english': ['language'],
        'p-hr': ['missing_domain'],
        'p-inactive': ['inactive'],
      });
    });

    it('ranks partially available candidates after every available one, saying why', () => {
      const expertButBusy = legalAdviser('a-busy', {
        domains: [{ code: 'legal', level: 5, years: 20 }],
        availability: { capacityHours: 70, bookedHours: 60, freeHours: 10, timeOffHours: 0, firstWeekFreeHours: 5, firstWeekNeededHours: 10 },
      });
      const onLeave = legalAdviser('b-leave', {
        availability: { capacityHours: 42, bookedHours: 28, freeHours: 14, timeOffHours: 28, firstWeekFreeHours: 0, firstWeekNeededHours: 10 },
      });
      const modest = legalAdviser('c-modest', { domains: [{ code: 'legal', level: 1, years: 1 }] });

      const sut = rankCandidates([expertButBusy, onLeave, modest], legalRequest());

      expect(sut.candidates.map((c) => [c.facts.professionalId, c.available, c.shortfall])).toEqual([
        ['c-modest', true, undefined],
        ['a-busy', false, 'capacity'],
        ['b-leave', false, 'time_off'],
      ]);
    });
  });

  it('puts sector experience above none when all else is equal', () => {
    const withSector = legalAdviser('z-housing', { coopExperience: { years: 5, sectors: ['housing'], mandates: 3 } });
    const without = legalAdviser('a-food');

    const sut = rankCandidates([without, withSector], legalRequest());

    expect(sut.candidates.map((c) => c.facts.professionalId)).toEqual(['z-housing', 'a-food']);
  });

  it('gives the same ranking for the same state, ties broken by professional id', () => {
    const same = ['p3', 'p1', 'p2'].map((id) => legalAdviser(id));

    const first = rankCandidates(same, legalRequest());
    const again = rankCandidates([...same].reverse(), legalRequest());

    expect(first.candidates.map((c) => c.facts.professionalId)).toEqual(['p1', 'p2', 'p3']);
    expect(again).toEqual(first);
  });

  it('computes the estimated cost at cost rate and numbers the ranks', () => {
    const sut = rankCandidates([legalAdviser('p1', { costRate: 87.5 })], legalRequest({ estimatedHours: 12 }));

    expect(sut.candidates[0]).toMatchObject({ rank: 1, estimatedCost: 1050 });
    expect(sut.candidates[0].score).toBeGreaterThan(0);
    expect(sut.candidates[0].score).toBeLessThanOrEqual(1);
  });

  it('has positive weights that sum to 1, so scores stay in [0, 1]', () => {
    const weights = Object.values(RANKING_WEIGHTS);
    expect(weights.every((w) => w > 0)).toBe(true);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  describe('dominance', () => {
    const factorValues = fc.record(Object.fromEntries(FACTOR_NAMES.map((name) => [name, fc.double({ min: 0, max: 1, noNaN: true })])) as Record<
      keyof FactorValues,
      fc.Arbitrary<number>
    >);

    it('scores strictly higher whoever is at least as good on every factor and better on one', () => {
      fc.assert(
        fc.property(factorValues, fc.constantFrom(...FACTOR_NAMES), fc.double({ min: 0.001, max: 1, noNaN: true }), (worse, improved, gain) => {
          fc.pre(worse[improved] + gain <= 1);
          const better = { ...worse, [improved]: worse[improved] + gain };
          expect(weightedScore(better, RANKING_WEIGHTS)).toBeGreaterThan(weightedScore(worse, RANKING_WEIGHTS));
        }),
      );
    });

    const facts = fc.record({
      level: fc.integer({ min: 1, max: 5 }),
      years: fc.integer({ min: 0, max: 30 }),
      coopYears: fc.integer({ min: 0, max: 30 }),
      mandates: fc.integer({ min: 0, max: 12 }),
      housing: fc.boolean(),
      past: fc.integer({ min: 0, max: 4 }),
      free: fc.integer({ min: 0, max: 70 }),
      booked: fc.integer({ min: 0, max: 70 }),
      relevance: fc.double({ min: 0, max: 1, noNaN: true }),
      quebec: fc.boolean(),
    });
    const toCandidate = (id: string, f: typeof facts extends fc.Arbitrary<infer T> ? T : never): CandidateFacts =>
      legalAdviser(id, {
        domains: [{ code: 'legal', level: f.level, years: f.years }],
        coopExperience: { years: f.coopYears, sectors: f.housing ? ['housing'] : [], mandates: f.mandates },
        pastAssignmentsWithMember: f.past,
        region: f.quebec ? 'quebec' : 'estrie',
        textRelevance: f.relevance,
        availability: { capacityHours: 70, bookedHours: f.booked, freeHours: f.free, timeOffHours: 0, firstWeekFreeHours: f.free / 2, firstWeekNeededHours: 10 },
      });

    it('ranks a dominating professional above the dominated one, whatever their ids', () => {
      const context = legalRequest({ onSite: true, urgency: 'critical' });
      fc.assert(
        fc.property(facts, facts, fc.boolean(), (a, b, aFirstById) => {
          const [idA, idB] = aFirstById ? ['a', 'b'] : ['b', 'a'];
          const fa = computeFactors(toCandidate(idA, a), context);
          const fb = computeFactors(toCandidate(idB, b), context);
          const dominates = FACTOR_NAMES.every((n) => fa[n] >= fb[n]) && FACTOR_NAMES.some((n) => fa[n] > fb[n]);
          fc.pre(dominates);
          const ranking = rankCandidates([toCandidate(idB, b), toCandidate(idA, a)], context);
          expect(ranking.candidates[0].facts.professionalId).toBe(idA);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe(explainCandidate.name, () => {
  const context = legalRequest({ onSite: true });
  const [top] = rankCandidates(
    [legalAdviser('p1', { domains: [{ code: 'legal', level: 5, years: 12 }], coopExperience: { years: 8, sectors: ['housing'], mandates: 4 } })],
    context,
  ).candidates;

  it('names the deciding factors in French', () => {
    expect(explainCandidate(top, context, 'fr')).toEqual([
      'Niveau 5/5 en droit et affaires juridiques, 12 ans d’expérience',
      'A déjà travaillé dans le secteur habitation',
      'Dans la région du mandat (quebec)',
      '60 h libres sur la période pour 20 h demandées',
    ]);
  });

  it('names the deciding factors in English', () => {
    expect(explainCandidate(top, context, 'en')).toEqual([
      'Level 5/5 in legal, 12 years of experience',
      'Has worked in the housing sector',
      'In the region of the work (quebec)',
      '60 h free over the window for 20 h requested',
    ]);
  });

  it('explains exclusions in both languages', () => {
    expect(explainExclusion(['language', 'declined'], 'fr')).toEqual(['Ne parle pas la langue de la demande', 'A décliné cette demande']);
    expect(explainExclusion(['inactive'], 'en')).toEqual(['Inactive profile']);
  });
});
