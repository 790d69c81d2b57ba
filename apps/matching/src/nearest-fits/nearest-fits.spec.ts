import fc from 'fast-check';
import { NEAREST_FIT_KINDS, parseDay, spreadByWeek, toCents } from '@coop/contracts';
import type { CandidateFacts, MatchContext } from '../ranking/candidate-facts.js';
import { rankCandidates } from '../ranking/rank.js';
import { legalAdviser, legalRequest } from '../ranking/ranking.fixtures.js';
import { changedWindows } from './changed-windows.js';
import { availabilityAnswer, type CalendarSpec } from './nearest-fits.fixtures.js';
import { computeNearestFits, FITS_PER_KIND, type NearbyProfessional, type NearestFit } from './nearest-fits.js';
import { WholeWeekCalendar } from './whole-week-calendar.js';

// The answer's window holds every changed window of the request below.
const FROM = '2027-02-15';
const TO = '2027-03-26';
/** Two working weeks, 1 to 12 March 2027, 30 h, in French; today is 22 February. */
const request = (overrides: Partial<MatchContext> = {}) => legalRequest({ startDate: '2027-03-01', endDate: '2027-03-12', estimatedHours: 30, ...overrides });

interface Person {
  id: string;
  calendar: CalendarSpec;
  facts?: Partial<CandidateFacts>;
}

/** The ranking of `ranked` (exact availability over the request's window) and the nearest fits. */
function nearestFits(context: MatchContext, ranked: Person[], nearby: Person[] = [], maxDays = 5) {
  const calendars = new Map([...ranked, ...nearby].map((p) => [p.id, availabilityAnswer(p.id, FROM, TO, p.calendar)]));
  const [start, end] = [parseDay(context.startDate), parseDay(context.endDate)];
  const facts = ranked.map((p) => legalAdviser(p.id, { ...p.facts, availability: new WholeWeekCalendar(calendars.get(p.id)!).window(start, end, context.estimatedHours) }));
  const ranking = rankCandidates(facts, context);
  const profiles: NearbyProfessional[] = nearby.map((p) => withoutAvailability(legalAdviser(p.id, p.facts)));
  const windows = changedWindows(context.startDate, context.endDate, maxDays, parseDay('2027-02-22'));
  return { ranking, calendars, windows, fits: computeNearestFits({ context, ranking, nearby: profiles, calendars, windows }) };
}

const of = (fits: NearestFit[], kind: NearestFit['kind']) => fits.filter((fit) => fit.kind === kind);
const who = (fit: NearestFit) => fit.parts.map((part) => `${part.facts.professionalId} ${part.hours}`).join(' + ');

// Weekly 20 h, the first two days of the window off: 12 h the first week, so 24 h of the 30.
const annie: Person = { id: 'annie', calendar: { weeklyCapacityHours: 20, daysOff: ['2027-03-01', '2027-03-02'] } };

describe(computeNearestFits.name, () => {
  it('offers what the best professional has free now, and the nearest windows that give all the hours', () => {
    const { fits } = nearestFits(request(), [annie]);

    expect(of(fits, 'fewer_hours').map((fit) => [who(fit), fit.change])).toEqual([['annie 24', { estimatedHours: 24 }]]);
    // Three more working days at the end leave the first week 11.54 h of the 30; one day later it has four days, 12 h.
    expect(of(fits, 'stretched_window').map((fit) => fit.change)).toEqual([{ endDate: '2027-03-17', workingDaysMoved: 3 }]);
    expect(of(fits, 'shifted_window').map((fit) => fit.change)).toEqual([{ startDate: '2027-03-02', endDate: '2027-03-15', workingDaysMoved: 1 }]);
  });

  it('scores fewer hours as the ranking scores a request for those hours', () => {
    const urgent = request({ urgency: 'critical' });
    const { fits, calendars } = nearestFits(urgent, [annie]);
    const [fewer] = of(fits, 'fewer_hours');
    const window = new WholeWeekCalendar(calendars.get('annie')!).window(parseDay('2027-03-01'), parseDay('2027-03-12'), 24);
    const [asked24] = rankCandidates([legalAdviser('annie', { availability: window })], { ...urgent, estimatedHours: 24 }).candidates;

    expect(asked24.available).toBe(true);
    expect(fewer.score).toBeCloseTo(asked24.score, 12);
  });

  it('moves the window no farther than allowed', () => {
    const { fits } = nearestFits(request(), [annie], [], 2);

    expect(of(fits, 'stretched_window')).toEqual([]);
    expect(of(fits, 'shifted_window')).toHaveLength(1);
  });

  it('splits the hours between two partly free professionals, the better-scored taking all they have', () => {
    const expert: Person = { id: 'expert', calendar: { weeklyCapacityHours: 9 }, facts: { domains: [{ code: 'legal', level: 5, years: 15 }] } };
    const junior: Person = { id: 'junior', calendar: { weeklyCapacityHours: 6 }, facts: { domains: [{ code: 'legal', level: 2, years: 2 }] } };
    const { fits } = nearestFits(request(), [junior, expert]);

    expect(of(fits, 'split').map(who)).toEqual(['expert 18 + junior 12']);
    const [split] = of(fits, 'split');
    expect(split.score).toBeCloseTo((18 * split.parts[0].score + 12 * split.parts[1].score) / 30, 10);
  });

  it('names someone of another language only as such, and never someone another hard constraint excludes', () => {
    const english = request({ language: 'en' });
    const busyEnglish: Person = { id: 'busy', calendar: { booked: { '2027-03-01': 35, '2027-03-08': 35 } }, facts: { languages: ['en'] } };
    const french = (id: string, facts: Partial<CandidateFacts> = {}): Person => ({ id, calendar: {}, facts: { languages: ['fr'], ...facts } });
    const { fits } = nearestFits({ ...english, declinedBy: new Set(['declined']) }, [busyEnglish], [french('marc'), french('declined'), french('inactive', { active: false })]);

    expect(of(fits, 'other_language').map((fit) => [who(fit), fit.change])).toEqual([['marc 30', { language: 'fr' }]]);
    // Nowhere else: the changed windows and splits keep the request's language.
    expect(fits.filter((fit) => fit.kind !== 'other_language').flatMap((fit) => fit.parts.map((p) => p.facts.professionalId))).not.toContain('marc');
  });

  it('proposes no change for those available as the request is', () => {
    const free: Person = { id: 'free', calendar: {} };
    // Found by the nearest fits' search though the ranking did not retrieve them.
    const missed: Person = { id: 'missed', calendar: {} };
    const { fits } = nearestFits(request(), [free, annie], [free, missed]);

    expect(fits.flatMap((fit) => fit.parts.map((p) => p.facts.professionalId))).not.toContain('missed');

    expect(fits.flatMap((fit) => fit.parts.map((p) => p.facts.professionalId))).not.toContain('free');
  });

  it('lists the kinds in order, at most a few of each, smallest change first', () => {
    const people: Person[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, calendar: { weeklyCapacityHours: 10 + i } }));
    const { fits } = nearestFits(request(), people);

    const kinds = fits.map((fit) => fit.kind);
    expect(kinds).toEqual([...kinds].sort((x, y) => NEAREST_FIT_KINDS.indexOf(x) - NEAREST_FIT_KINDS.indexOf(y)));
    for (const kind of NEAREST_FIT_KINDS) expect(of(fits, kind).length).toBeLessThanOrEqual(FITS_PER_KIND);
    // 13 h a week gives 26 h now, more than the others.
    expect(of(fits, 'fewer_hours').map(who)).toEqual(['d 26', 'c 24']);
  });

  describe('for any state', () => {
    const week = fc.constantFrom('2027-02-22', '2027-03-01', '2027-03-08', '2027-03-15');
    const calendar: fc.Arbitrary<CalendarSpec> = fc.record({
      weeklyCapacityHours: fc.integer({ min: 0, max: 40 }),
      active: fc.boolean(),
      booked: fc.dictionary(week, fc.integer({ min: 0, max: 40 }), { maxKeys: 4 }),
      daysOff: fc.uniqueArray(fc.constantFrom('2027-03-01', '2027-03-02', '2027-03-05', '2027-03-09', '2027-03-12', '2027-03-15'), { maxLength: 4 }),
    });
    const person = (prefix: string) =>
      fc.record({
        id: fc.integer({ min: 0, max: 30 }).map((n) => `${prefix}${n}`),
        calendar,
        facts: fc.record({
          languages: fc.constantFrom(['fr'] as const, ['en'] as const, ['fr', 'en'] as const),
          domains: fc.integer({ min: 1, max: 5 }).map((level) => [{ code: 'legal' as const, level, years: level * 3 }]),
        }),
      });
    const state = fc.record({
      ranked: fc.uniqueArray(person('r'), { selector: (p) => p.id, maxLength: 6 }).map((people) => people.map((p) => ({ ...p, facts: { ...p.facts, languages: ['fr' as const] } }))),
      nearby: fc.uniqueArray(person('n'), { selector: (p) => p.id, maxLength: 6 }),
      hours: fc.integer({ min: 1, max: 60 }),
    });

    it('gives the same fits in the same order, whatever the order the nearby were found in', () => {
      fc.assert(
        fc.property(state, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), ({ ranked, nearby, hours }, noise) => {
          const shuffled = [...nearby].sort(() => (noise.next().value < 0.5 ? -1 : 1));
          const first = nearestFits(request({ estimatedHours: hours }), ranked, nearby).fits;
          expect(nearestFits(request({ estimatedHours: hours }), ranked, shuffled).fits).toEqual(first);
        }),
        { numRuns: 150 },
      );
    });

    it('only proposes changes that really make the professionals available: each part fits every week it books', () => {
      fc.assert(
        fc.property(state, ({ ranked, nearby, hours }) => {
          const context = request({ estimatedHours: hours });
          const { fits, calendars } = nearestFits(context, ranked, nearby);
          for (const fit of fits) {
            const start = parseDay(fit.change.startDate ?? context.startDate);
            const end = parseDay(fit.change.endDate ?? context.endDate);
            for (const part of fit.parts) {
              const answer = calendars.get(part.facts.professionalId)!;
              expect(answer.active).toBe(true);
              const freeByWeek = new Map(answer.weeks.map((w) => [parseDay(w.weekStart), toCents(w.freeHours)]));
              for (const [monday, cents] of spreadByWeek(toCents(part.hours), start, end)) expect(cents).toBeLessThanOrEqual(freeByWeek.get(monday) ?? 0);
            }
            const total = fit.parts.reduce((sum, part) => sum + toCents(part.hours), 0);
            if (fit.kind === 'fewer_hours') expect(total).toBeLessThan(toCents(hours));
            else expect(total).toBe(toCents(hours));
            expect(fit.parts.every((part) => part.facts.languages.includes('fr'))).toBe(fit.kind !== 'other_language');
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

function withoutAvailability({ availability: _availability, ...profile }: CandidateFacts): NearbyProfessional {
  return profile;
}
