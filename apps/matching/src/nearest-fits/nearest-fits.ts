import { formatDay, type LanguageCode, type NearestFitKind, parseDay, type ProfessionalAvailability, toCents } from '@coop/contracts';
import type { CandidateFacts, MatchContext } from '../ranking/candidate-facts.js';
import { computeFactors } from '../ranking/factors.js';
import { exclusionReasons } from '../ranking/hard-constraints.js';
import { type Ranking, type ScoredCandidate, weightedScore } from '../ranking/rank.js';
import { RANKING_WEIGHTS } from '../ranking/ranking-weights.js';
import type { ChangedWindow } from './changed-windows.js';
import { WholeWeekCalendar } from './whole-week-calendar.js';

/** Nearest fits of each kind listed, at most. */
export const FITS_PER_KIND = 2;
/** The best-scored of the ranking's unavailable candidates that nearest fits consider. */
export const RANKED_POOL = 20;
/** Hours are proposed in half hours (the least an assignment takes). */
const HALF_HOUR = 0.5;

/** An in-domain professional the ranking did not retrieve, found for a nearest fit (no window yet). */
export type NearbyProfessional = Omit<CandidateFacts, 'availability'>;

export interface NearestFitsInput {
  context: MatchContext;
  /** The ranking of the request as it is: exact availability over its own window. */
  ranking: Ranking;
  /** Professionals found for nearest fits beyond the ranking (another language, free in a changed window). */
  nearby: readonly NearbyProfessional[];
  /** Whole-week availability over the window holding every changed one, of the pool and the nearby. */
  calendars: ReadonlyMap<string, ProfessionalAvailability>;
  /** The windows that may be proposed, smallest change first (changedWindows). */
  windows: readonly ChangedWindow[];
}

export interface NearestFitPart {
  facts: CandidateFacts;
  hours: number;
  /** Free over the window of the fit (changed or not). */
  freeHours: number;
  /** Their score for `hours` with the change made. */
  score: number;
}

export interface NearestFit {
  kind: NearestFitKind;
  score: number;
  parts: NearestFitPart[];
  change: { estimatedHours?: number; startDate?: string; endDate?: string; workingDaysMoved?: number; language?: LanguageCode };
}

/** The ranked candidates nearest fits start from: the unavailable, best score first. */
export function nearestFitPool(ranking: Ranking): ScoredCandidate[] {
  return ranking.candidates.filter((candidate) => !candidate.available).slice(0, RANKED_POOL);
}

/**
 * The smallest changes that would make someone available for the request, of each kind, in the
 * order of NEAREST_FIT_KINDS: fewer hours (what they have free now), the window stretched or
 * shifted by the fewest working days, a split between two partly free professionals, another
 * language (relaxes a hard constraint). Pure: the same input gives the same fits in the same order,
 * whatever the order of `nearby`; ties go to the smaller professional id.
 */
export function computeNearestFits(input: NearestFitsInput): NearestFit[] {
  const pool = nearestFitPool(input.ranking);
  const available = new Set(input.ranking.candidates.filter((c) => c.available).map((c) => c.facts.professionalId));
  const nearby = [...input.nearby].filter((p) => !available.has(p.professionalId)).sort((a, b) => compareIds(a.professionalId, b.professionalId));
  const inPool = new Set(pool.map((c) => c.facts.professionalId));
  const eligible = [...pool.map((c) => c.facts), ...nearby.filter((p) => !inPool.has(p.professionalId) && exclusionReasons(withNoWindow(p), input.context).length === 0)];
  const otherLanguage = nearby.filter((p) => isOnlyLanguageExcluded(p, input.context));
  // Read once: each is asked about every changed window.
  const calendars = new Map([...input.calendars].map(([id, answer]) => [id, new WholeWeekCalendar(answer)]));
  return [
    ...fewerHours(pool, input.context),
    ...windowFits('stretched_window', eligible, input.windows, calendars, input.context),
    ...windowFits('shifted_window', eligible, input.windows, calendars, input.context),
    ...splits(pool, input.context),
    ...otherLanguageFits(otherLanguage, calendars, input.context),
  ];
}

function fewerHours(pool: readonly ScoredCandidate[], context: MatchContext): NearestFit[] {
  const fits = pool.flatMap((candidate) => {
    const hours = halfHoursIn(candidate.facts.availability.freeHours);
    if (hours < HALF_HOUR) return [];
    const part = partOf(forHours(candidate.facts, hours, context), hours, { ...context, estimatedHours: hours });
    return [{ kind: 'fewer_hours' as const, score: part.score, parts: [part], change: { estimatedHours: hours } }];
  });
  return fits.sort((a, b) => b.parts[0].hours - a.parts[0].hours || byScoreThenIds(a, b)).slice(0, FITS_PER_KIND);
}

type Calendars = ReadonlyMap<string, WholeWeekCalendar>;

function windowFits(kind: ChangedWindow['kind'], people: readonly NearbyProfessional[], changed: readonly ChangedWindow[], calendars: Calendars, context: MatchContext): NearestFit[] {
  const windows = changed.filter((window) => window.kind === kind);
  const hours = context.estimatedHours;
  const [start, end] = [parseDay(context.startDate), parseDay(context.endDate)];
  const fits: Array<NearestFit & { order: number }> = [];
  for (const person of people) {
    const calendar = calendars.get(person.professionalId);
    // Someone free for the window as it is needs no change (the ranking's retrieval missed them).
    if (!calendar || calendar.canTake(start, end, hours)) continue;
    const order = windows.findIndex((window) => calendar.canTake(window.start, window.end, hours));
    if (order < 0) continue;
    const window = windows[order];
    const [startDate, endDate] = [formatDay(window.start), formatDay(window.end)];
    const facts = { ...person, availability: calendar.window(window.start, window.end, hours) };
    const part = partOf(facts, hours, { ...context, startDate, endDate });
    const change = kind === 'stretched_window' ? { endDate, workingDaysMoved: window.workingDays } : { startDate, endDate, workingDaysMoved: window.workingDays };
    fits.push({ kind, score: part.score, parts: [part], change, order });
  }
  return fits
    .sort((a, b) => a.order - b.order || byScoreThenIds(a, b))
    .slice(0, FITS_PER_KIND)
    .map(({ order: _order, ...fit }) => fit);
}

/**
 * Two partly free professionals whose hours add up to the request's: the better-scored one takes
 * all the half hours they have free, the other the rest. Pairs by the parts' scores weighted by
 * their hours.
 */
function splits(pool: readonly ScoredCandidate[], context: MatchContext): NearestFit[] {
  const total = toCents(context.estimatedHours);
  const fits: NearestFit[] = [];
  for (const [i, first] of pool.entries()) {
    const firstHours = Math.min(halfHoursIn(first.facts.availability.freeHours), (total - toCents(HALF_HOUR)) / 100);
    if (firstHours < HALF_HOUR) continue;
    for (const second of pool.slice(i + 1)) {
      const rest = total - toCents(firstHours);
      if (rest < toCents(HALF_HOUR) || rest > toCents(second.facts.availability.freeHours)) continue;
      const parts = [firstHours, rest / 100].map((hours, n) => partOf(forHours((n === 0 ? first : second).facts, hours, context), hours, { ...context, estimatedHours: hours }));
      const score = parts.reduce((sum, part) => sum + part.score * part.hours, 0) / context.estimatedHours;
      fits.push({ kind: 'split', score, parts, change: {} });
    }
  }
  return fits.sort(byScoreThenIds).slice(0, FITS_PER_KIND);
}

function otherLanguageFits(people: readonly NearbyProfessional[], calendars: Calendars, context: MatchContext): NearestFit[] {
  const [start, end] = [parseDay(context.startDate), parseDay(context.endDate)];
  const fits = people.flatMap((person) => {
    const calendar = calendars.get(person.professionalId);
    if (!calendar || !calendar.canTake(start, end, context.estimatedHours)) return [];
    const part = partOf({ ...person, availability: calendar.window(start, end, context.estimatedHours) }, context.estimatedHours, context);
    return [{ kind: 'other_language' as const, score: part.score, parts: [part], change: { language: person.languages[0] } }];
  });
  return fits.sort(byScoreThenIds).slice(0, FITS_PER_KIND);
}

function partOf(facts: CandidateFacts, hours: number, context: MatchContext): NearestFitPart {
  return { facts, hours, freeHours: facts.availability.freeHours, score: weightedScore(computeFactors(facts, context), RANKING_WEIGHTS) };
}

/** A ranked candidate's facts for fewer hours over the same window: the first week needs its share of those. */
function forHours(facts: CandidateFacts, hours: number, context: MatchContext): CandidateFacts {
  const firstWeekNeededHours = context.estimatedHours > 0 ? (facts.availability.firstWeekNeededHours * hours) / context.estimatedHours : 0;
  return { ...facts, availability: { ...facts.availability, firstWeekNeededHours } };
}

/** Excluded by the request's language alone: any other hard constraint (inactive, declined…) still holds. */
function isOnlyLanguageExcluded(person: NearbyProfessional, context: MatchContext): boolean {
  const reasons = exclusionReasons(withNoWindow(person), context);
  return reasons.length === 1 && reasons[0] === 'language';
}

const NO_WINDOW = { capacityHours: 0, bookedHours: 0, freeHours: 0, timeOffHours: 0, firstWeekFreeHours: 0, firstWeekNeededHours: 0 };

/** Hard constraints do not look at availability. */
function withNoWindow(person: NearbyProfessional): CandidateFacts {
  return { ...person, availability: NO_WINDOW };
}

function halfHoursIn(hours: number): number {
  return Math.floor(toCents(hours) / toCents(HALF_HOUR)) * HALF_HOUR;
}

function byScoreThenIds(a: NearestFit, b: NearestFit): number {
  return b.score - a.score || compareIds(idsOf(a), idsOf(b));
}

function idsOf(fit: NearestFit): string {
  return fit.parts.map((part) => part.facts.professionalId).join(' ');
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
