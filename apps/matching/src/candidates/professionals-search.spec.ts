import { formatDay, mondayOf, today } from '@coop/contracts';
import { listQueries, nearbyQueries, setFilters, weeklyCapacityFilters } from './professionals-search.js';
import type { MatchContext } from '../ranking/candidate-facts.js';

// Two weeks from the week after next: inside the index's horizon of free hours.
const monday = mondayOf(today('America/Toronto')) + 14;
const context: MatchContext = {
  domain: 'legal',
  language: 'fr',
  startDate: formatDay(monday),
  endDate: formatDay(monday + 11),
  estimatedHours: 20,
  urgency: 'normal',
  onSite: false,
  declinedBy: new Set(),
};
const summary = (queries: ReturnType<typeof nearbyQueries>) => queries.map((query) => ({ text: query.q !== '', limit: query.limit }));

describe(setFilters.name, () => {
  it('names the eligible (in the domain, active, speaking the language), and those of them the index sees free each week of the window', () => {
    const { eligible, fits, weeks } = setFilters(context, 'America/Toronto');

    expect(eligible).toBe('domains = "legal" AND active = true AND languages = "fr"');
    expect(weeks).toHaveLength(2);
    expect(fits).toBe([eligible, ...weeks].join(' AND '));
  });
});

describe(listQueries.name, () => {
  it('reads each list by the domain’s profile score, with the text or without, from its offset', () => {
    const queries = listQueries('professionals', 'legal', 'règlements', [
      { list: { filter: 'F', textual: true }, offset: 0, limit: 20 },
      { list: { filter: 'F', textual: false }, offset: 20, limit: 40 },
    ]);

    expect(queries.map((q) => ({ q: q.q, sort: q.sort, offset: q.offset, limit: q.limit }))).toEqual([
      { q: 'règlements', sort: ['profileScores.legal:desc'], offset: 0, limit: 20 },
      { q: '', sort: ['profileScores.legal:desc'], offset: 20, limit: 40 },
    ]);
    expect(queries[0].attributesToRetrieve).toContain('profileScores');
  });
});

describe(nearbyQueries.name, () => {
  const later = { startDate: formatDay(monday + 7), endDate: formatDay(monday + 18) };

  it('asks, in one multi-search, for those of another language free for the window, and those free for each changed window', () => {
    const queries = nearbyQueries('professionals', context, 'règlements', { limit: 10, windows: [later] }, 'America/Toronto');

    expect(summary(queries)).toEqual([
      { text: true, limit: 10 },
      { text: false, limit: 10 },
      { text: true, limit: 10 },
      { text: false, limit: 10 },
    ]);
    expect(queries[1].filter).toBe(['domains = "legal" AND active = true AND languages != "fr"', ...weeklyCapacityFilters(context, 'America/Toronto')].join(' AND '));
    expect(queries[3].filter).toBe(
      ['domains = "legal" AND active = true AND languages = "fr"', ...weeklyCapacityFilters({ ...later, estimatedHours: 20 }, 'America/Toronto')].join(' AND '),
    );
  });
});
