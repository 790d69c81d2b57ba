/**
 * Calendar arithmetic of the availability invariant (booked hours never exceed a week's capacity), shared by the service
 * that enforces it and the services that read it, so both count weeks and hours the same way.
 *
 * Days are whole UTC calendar days, counted from 1970-01-01 (`Day`); dates travel as `YYYY-MM-DD`.
 * Hours are handled as integer hundredths (`Cents`) so that splitting never loses or invents time.
 */

/** Days since 1970-01-01. */
export type Day = number;
/** Hundredths of an hour. */
export type Cents = number;

const MS_PER_DAY = 86_400_000;
export const WORKING_DAYS_PER_WEEK = 5;

/** The day of `YYYY-MM-DD`, or undefined when it is not a real calendar date (2026-02-30). */
export function tryParseDay(value: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

export function parseDay(value: string): Day {
  const day = tryParseDay(value);
  if (day === undefined) throw new RangeError(`Not a calendar date: ${value}`);
  return day;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's date where the consortium works (an IANA time zone such as America/Toronto). */
export function today(timeZone: string, now: Date = new Date()): Day {
  return parseDay(dayFormatter(timeZone).format(now));
}

// Building an Intl.DateTimeFormat costs far more than using one, and `today` runs on every request.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** ISO day of week: 1 = Monday … 7 = Sunday. (1970-01-01 was a Thursday.) */
export function isoDayOfWeek(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWorkingDay(day: Day): boolean {
  return isoDayOfWeek(day) <= WORKING_DAYS_PER_WEEK;
}

/** The Monday of the ISO week holding `day`: it identifies the week. */
export function mondayOf(day: Day): Day {
  return day - (isoDayOfWeek(day) - 1);
}

/** ISO week-numbering year and week: the year is the one of the week's Thursday. */
export function isoWeekOf(day: Day): { year: number; week: number } {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstThursday = mondayOf(Math.round(Date.UTC(year, 0, 4) / MS_PER_DAY)) + 3;
  return { year, week: (thursday - firstThursday) / 7 + 1 };
}

/** `2026-W48`: how a week is named in every API answer and error message. */
export function weekLabel(day: Day): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Mondays of every ISO week that `start..end` (inclusive) touches. */
export function weeksOf(start: Day, end: Day): Day[] {
  const weeks: Day[] = [];
  for (let monday = mondayOf(start); monday <= end; monday += 7) weeks.push(monday);
  return weeks;
}

/** Monday to Friday between `start` and `end`, inclusive. */
export function workingDaysBetween(start: Day, end: Day): Day[] {
  const days: Day[] = [];
  for (let day = start; day <= end; day += 1) if (isWorkingDay(day)) days.push(day);
  return days;
}

/** How many days Monday to Friday lie between `start` and `end`, inclusive (counted, not listed). */
export function workingDayCount(start: Day, end: Day): number {
  if (end < start) return 0;
  const span = end - start + 1;
  const wholeWeeks = Math.floor(span / 7);
  let count = wholeWeeks * WORKING_DAYS_PER_WEEK;
  for (let day = start + wholeWeeks * 7; day <= end; day += 1) if (isWorkingDay(day)) count += 1;
  return count;
}

/** Each ISO week that `start..end` touches on a working day, with how many of its working days it holds, in calendar order. */
function workingDaysByWeek(start: Day, end: Day): Array<[Day, number]> {
  const weeks: Array<[Day, number]> = [];
  for (const monday of weeksOf(start, end)) {
    const count = workingDayCount(Math.max(start, monday), Math.min(end, monday + WORKING_DAYS_PER_WEEK - 1));
    if (count > 0) weeks.push([monday, count]);
  }
  return weeks;
}

export function toCents(hours: number): Cents {
  return Math.round(hours * 100);
}

export function toHours(cents: Cents): number {
  return cents / 100;
}

/*
 * How a booking's hours are spread: evenly over the working days of its window, in hundredths, the
 * first `total % days` working days carrying one hundredth more, so that the parts sum to `total`
 * exactly. The functions below count that spread per week or per range of days instead of listing
 * the days (a property test checks them against the day-by-day rule).
 */

/** What `count` working days, after the first `before` of the `days` a booking of `total` spans, take of it. */
function shareOfSpread(total: Cents, days: number, before: number, count: number): Cents {
  const base = Math.floor(total / days);
  const extra = total - base * days;
  return base * count + Math.min(count, Math.max(0, extra - before));
}

/** The spread of `total` over these weeks' working days, per week. */
function spreadOverWeeks(total: Cents, weeks: Array<[Day, number]>): Map<Day, Cents> {
  const days = weeks.reduce((sum, [, count]) => sum + count, 0);
  const perWeek = new Map<Day, Cents>();
  let before = 0;
  for (const [monday, count] of weeks) {
    perWeek.set(monday, shareOfSpread(total, days, before, count));
    before += count;
  }
  return perWeek;
}

/** Whether each week's part is within that week's free hours (a missing week has none). */
function partsFit(parts: ReadonlyMap<Day, Cents>, freeByWeek: ReadonlyMap<Day, Cents>): boolean {
  for (const [monday, part] of parts) if (part > (freeByWeek.get(monday) ?? 0)) return false;
  return true;
}

/** A booking's hours per ISO week that holds some of its working days (keyed by Monday, in calendar order); the parts sum to `total`. */
export function spreadByWeek(total: Cents, start: Day, end: Day): Map<Day, Cents> {
  return spreadOverWeeks(total, workingDaysByWeek(start, end));
}

/** The hours of a booking of `total` over `start..end` that fall on days between `from` and `to`. */
export function hoursWithin(total: Cents, start: Day, end: Day, from: Day, to: Day): Cents {
  const days = workingDayCount(start, end);
  const first = Math.max(start, from);
  const last = Math.min(end, to);
  if (days === 0 || last < first) return 0;
  return shareOfSpread(total, days, workingDayCount(start, first - 1), workingDayCount(first, last));
}

/** Whether a booking of `total` over `start..end` fits: its part of each week within that week's free hours (a missing week has none). */
export function fitsEveryWeek(total: Cents, start: Day, end: Day, freeByWeek: ReadonlyMap<Day, Cents>): boolean {
  return partsFit(spreadByWeek(total, start, end), freeByWeek);
}

/** Capacity of one working day: the weekly capacity split over Monday to Friday (Monday first gets any extra hundredth). */
export function dayCapacity(weeklyCapacity: Cents, day: Day): Cents {
  if (!isWorkingDay(day)) return 0;
  // The weekly capacity split evenly over the five days, the first ones taking the extra hundredths.
  const base = Math.floor(weeklyCapacity / WORKING_DAYS_PER_WEEK);
  return base + (isoDayOfWeek(day) <= weeklyCapacity - base * WORKING_DAYS_PER_WEEK ? 1 : 0);
}

/** Capacity of the week starting `monday`: weekly capacity minus its working days off. */
export function weekCapacity(weeklyCapacity: Cents, monday: Day, isDayOff: (day: Day) => boolean): Cents {
  let capacity = 0;
  for (let day = monday; day < monday + WORKING_DAYS_PER_WEEK; day += 1) {
    if (!isDayOff(day)) capacity += dayCapacity(weeklyCapacity, day);
  }
  return capacity;
}

/**
 * The most hours a booking over `start..end` can take without overbooking any week, given each
 * week's free hours (keyed by Monday; a missing week counts as fully booked).
 */
export function maxReservable(freeByWeek: ReadonlyMap<Day, Cents>, start: Day, end: Day): Cents {
  const weeks = workingDaysByWeek(start, end);
  const days = weeks.reduce((sum, [, count]) => sum + count, 0);
  if (days === 0) return 0;
  let best = Infinity;
  for (const [monday, count] of weeks) {
    best = Math.min(best, Math.floor((Math.max(0, freeByWeek.get(monday) ?? 0) * days) / count));
  }
  // The proportional bound can be off by the hundredths the split hands to the first days.
  while (best > 0 && !partsFit(spreadOverWeeks(best, weeks), freeByWeek)) best -= 1;
  return best;
}
