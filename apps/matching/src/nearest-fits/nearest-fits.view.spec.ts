import type { CandidateFacts } from '../ranking/candidate-facts.js';
import { rankCandidates } from '../ranking/rank.js';
import { legalAdviser, legalRequest } from '../ranking/ranking.fixtures.js';
import type { NearestFit } from './nearest-fits.js';
import { nearestFitsSummary, nearestFitsView } from './nearest-fits.view.js';

const REQUEST_ID = '7f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';
const context = legalRequest({ startDate: '2027-03-01', endDate: '2027-03-12', estimatedHours: 30 });
const person = (id: string, fullName: string, facts: Partial<CandidateFacts> = {}) => legalAdviser(id, { fullName, costRate: 100, ...facts });
const annie = person('a1', 'Annie Bergeron');
const marc = person('m1', 'Marc Côté', { languages: ['fr'] });
const part = (facts: CandidateFacts, hours: number, freeHours = hours) => ({ facts, hours, freeHours, score: 0.75 });

const fits: NearestFit[] = [
  { kind: 'fewer_hours', score: 0.8, parts: [part(annie, 24, 24.37)], change: { estimatedHours: 24 } },
  { kind: 'stretched_window', score: 0.78, parts: [part(annie, 30)], change: { endDate: '2027-03-19', workingDaysMoved: 5 } },
  { kind: 'shifted_window', score: 0.77, parts: [part(annie, 30)], change: { startDate: '2027-03-02', endDate: '2027-03-15', workingDaysMoved: 1 } },
  { kind: 'split', score: 0.7, parts: [part(annie, 18), part(marc, 12)], change: {} },
  { kind: 'other_language', score: 0.6, parts: [part(marc, 30)], change: { language: 'fr' } },
];
// Nobody available: everyone short of hours.
const unmatched = rankCandidates([legalAdviser('a1', { availability: { ...annie.availability, freeHours: 24 } })], context);
const english = { ...context, language: 'en' as const };

describe(nearestFitsView.name, () => {
  const sut = nearestFitsView(fits, unmatched, english, 'en', REQUEST_ID);

  it('says of each fit who, the change, what it relaxes and whether that is a hard constraint, in order', () => {
    expect(sut.suggestions.map((s) => [s.rank, s.kind, s.relaxes, s.hardConstraint])).toEqual([
      [1, 'fewer_hours', 'hours', false],
      [2, 'stretched_window', 'window', false],
      [3, 'shifted_window', 'window', false],
      [4, 'split', 'single_professional', false],
      [5, 'other_language', 'language', true],
    ]);
    expect(sut.suggestions.map((s) => s.reason)).toEqual([
      'Annie Bergeron is free for 24.4 h of the 30 h: 24 h now',
      'Annie Bergeron can take all 30 h if the window ends on March 19, 2027 (5 working days more)',
      'Annie Bergeron can take all 30 h if the window moves 1 working day later: March 2, 2027 to March 15, 2027',
      'Two professionals together: Annie Bergeron 18 h + Marc Côté 12 h',
      'Marc Côté does not speak English, a hard constraint of the request, but works in French and is free for the whole window',
    ]);
    expect(sut.suggestions[3].professionals.map((p) => [p.fullName, p.hours, p.estimatedCost])).toEqual([
      ['Annie Bergeron', 18, 1800],
      ['Marc Côté', 12, 1200],
    ]);
  });

  it('carries the one call that applies it, where the API can: an assignment, with the hours when fewer; a shared assignment for a split', () => {
    expect(sut.suggestions.map((s) => s.apply)).toEqual([
      { method: 'POST', path: `/v1/requests/${REQUEST_ID}/assignments`, body: { professionalId: 'a1', hours: 24 } },
      undefined,
      undefined,
      { method: 'POST', path: `/v1/requests/${REQUEST_ID}/shared-assignments`, body: { parts: [{ professionalId: 'a1', hours: 18 }, { professionalId: 'm1', hours: 12 }] } },
      { method: 'POST', path: `/v1/requests/${REQUEST_ID}/assignments`, body: { professionalId: 'm1' } },
    ]);
    expect(nearestFitsView(fits, unmatched, english, 'en').suggestions.every((s) => s.apply === undefined)).toBe(true);
  });

  it('explains in French', () => {
    const french = nearestFitsView(fits, unmatched, english, 'fr', REQUEST_ID).suggestions.map((s) => s.reason);
    expect(french).toEqual([
      'Annie Bergeron est libre 24.4 h sur les 30 h : 24 h dès maintenant',
      'Annie Bergeron peut prendre les 30 h si la période se termine le 19 mars 2027 (5 jours ouvrables de plus)',
      'Annie Bergeron peut prendre les 30 h si la période est décalée de 1 jour ouvrable plus tard : du 2 mars 2027 au 15 mars 2027',
      'Deux professionnels ensemble : Annie Bergeron 18 h + Marc Côté 12 h',
      'Marc Côté ne parle pas anglais, une contrainte stricte de la demande, mais travaille en français et est libre pour toute la période',
    ]);
  });
});

describe(nearestFitsSummary.name, () => {
  it('sums them up without naming anyone, in both languages', () => {
    const sut = nearestFitsSummary(fits, unmatched, english);

    expect(sut).toEqual({
      requestedHours: 30,
      availableProfessionals: 0,
      hoursPossibleNow: 24,
      // The smallest change of window: one working day.
      allHoursWindow: { startDate: '2027-03-02', endDate: '2027-03-15' },
      splitHours: [18, 12],
      otherLanguage: 'fr',
      suggestions: 5,
      text: {
        en: 'Nobody for 30 h; 24 h are possible now; all 30 h from March 2, 2027 to March 15, 2027; all 30 h shared by two (18 h + 12 h); someone free works in French (the language is a hard constraint)',
        fr: 'Personne pour 30 h ; 24 h sont possibles dès maintenant ; les 30 h du 2 mars 2027 au 15 mars 2027 ; les 30 h à deux (18 h + 12 h) ; quelqu’un de libre travaille en français (la langue est une contrainte stricte)',
      },
    });
    expect(JSON.stringify(sut)).not.toMatch(/Annie|Côté|\ba1\b|\bm1\b/);
  });

  it('says a stretched window by its new end, and when nothing would help', () => {
    const stretched = nearestFitsSummary(fits.slice(0, 2), unmatched, context);
    expect(stretched.text.en).toBe('Nobody for 30 h; 24 h are possible now; all 30 h if the window ends on March 19, 2027');
    expect(stretched.allHoursWindow).toEqual({ startDate: '2027-03-01', endDate: '2027-03-19' });

    const none = nearestFitsSummary([], unmatched, context);
    expect(none.text).toEqual({ en: 'Nobody for 30 h; no small change frees anyone', fr: 'Personne pour 30 h ; aucun petit changement ne libère quelqu’un' });
  });
});
