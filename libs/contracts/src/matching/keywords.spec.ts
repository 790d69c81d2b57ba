import { FULL_MATCH_KEYWORDS, keywordRelevance, keywordsOf, MAX_REQUEST_KEYWORDS, profileKeywords, requestKeywords } from './keywords.js';

describe(keywordsOf.name, () => {
  it('keeps the words that say something, once, lower case, without accents, a plural’s final s dropped', () => {
    expect(keywordsOf("Révision des Règlements généraux et de l'admission des membres : règlement")).toEqual(['revision', 'reglement', 'generaux', 'admission', 'membre']);
  });

  it('cuts at anything but letters and digits, and keeps digits', () => {
    expect(keywordsOf('Loi 25 / sécurité-informatique (TI)')).toEqual(['loi', '25', 'securite', 'informatique', 'ti']);
  });

  it('leaves "ss" endings and short words as they are', () => {
    expect(keywordsOf('process bus gas')).toEqual(['process', 'bus', 'gas']);
  });

  it('has no keyword in a text of stop words only', () => {
    expect(keywordsOf('de la et the of à')).toEqual([]);
  });
});

describe(requestKeywords.name, () => {
  it('reads at most MAX_REQUEST_KEYWORDS of a request, the first ones', () => {
    const words = Array.from({ length: MAX_REQUEST_KEYWORDS + 10 }, (_, i) => `mot${i}`);

    expect(requestKeywords(words.join(' '))).toEqual(words.slice(0, MAX_REQUEST_KEYWORDS));
  });
});

describe(keywordRelevance.name, () => {
  const profile = profileKeywords({ skills: ['règlements généraux', 'assemblée générale'], domainLabels: ['Juridique', 'Legal'], bio: 'Avocate en droit coopératif, elle accompagne les membres.' });

  it('is 0 exactly when the profile holds none of the request’s keywords', () => {
    expect(keywordRelevance(new Set(['paie', 'avantage']), profile)).toBe(0);
    expect(keywordRelevance(new Set([]), profile)).toBe(0);
  });

  it('counts a keyword of skills or domain labels in full, one of the bio only by half', () => {
    expect(keywordRelevance(new Set(['reglement', 'paie']), profile)).toBe(0.5);
    expect(keywordRelevance(new Set(['membre', 'paie']), profile)).toBe(0.25);
    expect(keywordRelevance(new Set(['juridique', 'reglement']), profile)).toBe(1);
  });

  it('is full once FULL_MATCH_KEYWORDS are held, however long the request', () => {
    const skills = Array.from({ length: FULL_MATCH_KEYWORDS + 2 }, (_, i) => `competence${i}`);
    const expert = profileKeywords({ skills, domainLabels: [], bio: '' });
    const request = [...skills, ...Array.from({ length: 30 }, (_, i) => `autre${i}`)];

    expect(keywordRelevance(new Set(request), expert)).toBe(1);
    expect(keywordRelevance(new Set(request.slice(4)), expert)).toBe((skills.length - 4) / FULL_MATCH_KEYWORDS);
  });
});
