import { formatDay, mondayOf, type ProfessionalSearchDocument, today } from '@coop/contracts';
import { listHits, listQueries, nearbyQueries, setFilters, splitByKeywords, weeklyCapacityFilters } from './professionals-search.js';
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

describe(setFilters.name, () => {
  it('names the eligible (in the domain, active, speaking the language), and those of them the index sees free each week of the window', () => {
    const { eligible, fits, weeks } = setFilters(context, 'America/Toronto');

    expect(eligible).toBe('domains = "legal" AND active = true AND languages = "fr"');
    expect(weeks).toHaveLength(2);
    expect(fits).toBe([eligible, ...weeks].join(' AND '));
  });
});

describe(listQueries.name, () => {
  it('reads each list by the domain’s profile score from its offset, with the keywords relevance is computed from', () => {
    const queries = listQueries('professionals', 'legal', [
      { filter: 'F', offset: 0, limit: 20 },
      { filter: 'G', offset: 20, limit: 40 },
    ]);

    expect(queries.map((q) => ({ filter: q.filter, sort: q.sort, offset: q.offset, limit: q.limit }))).toEqual([
      { filter: 'F', sort: ['profileScores.legal:desc'], offset: 0, limit: 20 },
      { filter: 'G', sort: ['profileScores.legal:desc'], offset: 20, limit: 40 },
    ]);
    expect(queries[0].attributesToRetrieve).toEqual(expect.arrayContaining(['profileScores', 'keywords', 'skillKeywordCount']));
  });
  it('narrows a list to the profile scores that could still make the top, a little below the floor, never above it', () => {
    const [narrowed, whole, noFloor] = listQueries('professionals', 'real-estate', [
      { filter: 'F', minProfileScore: 0.2512349, offset: 20, limit: 40 },
      { filter: 'F', minProfileScore: -0.1, offset: 20, limit: 40 },
      { filter: 'F', offset: 0, limit: 20 },
    ]);

    expect(narrowed.filter).toBe('F AND profileScores.real-estate >= 0.251234');
    expect(whole.filter).toBe('F');
    expect(noFloor.filter).toBe('F');
  });
});

describe(listHits.name, () => {
  it('gives each hit its relevance to the request’s keywords', () => {
    const document = { id: 'a', profileScores: { legal: 0.3 }, keywords: ['reglement', 'cooperative'], skillKeywordCount: 1 } as unknown as ProfessionalSearchDocument;

    const [[withKeywords], [without]] = [listHits([{ hits: [document] }], ['reglement', 'statut'])[0], listHits([{ hits: [document] }], [])[0]];

    expect(withKeywords.relevance).toBe(0.5);
    expect(without.relevance).toBe(0);
  });
});

describe(splitByKeywords.name, () => {
  it('splits a set into those holding some of the keywords and those holding none', () => {
    expect(splitByKeywords(['reglement', 'statut'])).toEqual(['keywords IN ["reglement", "statut"]', 'NOT keywords IN ["reglement", "statut"]']);
  });
});

describe(nearbyQueries.name, () => {
  const later = { startDate: formatDay(monday + 7), endDate: formatDay(monday + 18) };

  it('asks, in one multi-search, for those of another language free for the window, and those free for each changed window, with their keywords', () => {
    const queries = nearbyQueries('professionals', context, { limit: 10, windows: [later] }, 'America/Toronto');

    expect(queries.map((query) => query.filter)).toEqual([
      ['domains = "legal" AND active = true AND languages != "fr"', ...weeklyCapacityFilters(context, 'America/Toronto')].join(' AND '),
      ['domains = "legal" AND active = true AND languages = "fr"', ...weeklyCapacityFilters({ ...later, estimatedHours: 20 }, 'America/Toronto')].join(' AND '),
    ]);
    expect(queries.every((query) => query.limit === 10 && query.attributesToRetrieve.includes('skillKeywordCount'))).toBe(true);
  });
});
