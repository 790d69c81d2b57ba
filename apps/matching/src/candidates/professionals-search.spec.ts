import { candidateQueries } from './professionals-search.js';
import type { MatchContext } from '../ranking/candidate-facts.js';

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
const summary = (queries: ReturnType<typeof candidateQueries>) => queries.map((query) => ({ text: query.q !== '', sector: query.filter.includes('coopSectors'), limit: query.limit }));

describe(candidateQueries.name, () => {
  it('asks for the fitting with and without text, then the partly fitting, all sorted by level then years in the domain', () => {
    const queries = candidateQueries('professionals', context, 'règlements', { limit: 100, includePartial: true, includeExcluded: false }, 'America/Toronto');

    expect(summary(queries)).toEqual([
      { text: true, sector: false, limit: 100 },
      { text: false, sector: false, limit: 100 },
      { text: true, sector: false, limit: 25 },
      { text: false, sector: false, limit: 25 },
    ]);
    expect(queries.every((query) => query.sort.join() === 'domainLevels.legal:desc,domainYears.legal:desc')).toBe(true);
    expect(queries[0].filter).toContain('domains = "legal" AND active = true AND languages = "fr"');
  });

  it('adds, when the member’s sector is known, those of that sector among the fitting (half as many, without text)', () => {
    const queries = candidateQueries('professionals', { ...context, memberSector: 'housing' }, 'règlements', { limit: 30, includePartial: false, includeExcluded: false }, 'America/Toronto');

    expect(summary(queries)).toEqual([
      { text: true, sector: false, limit: 30 },
      { text: false, sector: false, limit: 30 },
      { text: false, sector: true, limit: 15 },
    ]);
    expect(queries[2].filter).toBe(`${queries[1].filter} AND coopSectors = "housing"`);
  });
});
