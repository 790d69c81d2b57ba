import { formatDay, mondayOf, today } from '@coop/contracts';
import { candidateQueries, nearbyQueries, weeklyCapacityFilters } from './professionals-search.js';
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
const summary = (queries: ReturnType<typeof candidateQueries>) => queries.map((query) => ({ text: query.q !== '', limit: query.limit }));

describe(candidateQueries.name, () => {
  it('asks for the fitting with and without text, then the partly fitting (a quarter as many)', () => {
    const queries = candidateQueries('professionals', context, 'règlements', { limit: 100, includePartial: true, includeExcluded: false }, 'America/Toronto');

    expect(summary(queries)).toEqual([
      { text: true, limit: 100 },
      { text: false, limit: 100 },
      { text: true, limit: 25 },
      { text: false, limit: 25 },
    ]);
    expect(queries[0].filter).toContain('domains = "legal" AND active = true AND languages = "fr"');
    expect(queries[0].filter).toContain(' AND freeHours.');
    expect(queries[2].filter).not.toContain('freeHours');
  });

  it('asks only without text when there is none, and only for the fitting when told so', () => {
    const queries = candidateQueries('professionals', context, '  ', { limit: 30, includePartial: false, includeExcluded: false }, 'America/Toronto');

    expect(summary(queries)).toEqual([{ text: false, limit: 30 }]);
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
