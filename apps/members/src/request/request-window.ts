import { MAX_REQUEST_WINDOW_DAYS, parseDay, workingDaysBetween, type FieldError } from '@coop/contracts';

/** A professional works at most 8 h a working day: 40 h per full working week (Mon-Fri). */
export const MAX_HOURS_PER_WORKING_DAY = 8;
export const MAX_WINDOW_DAYS = MAX_REQUEST_WINDOW_DAYS;
/** How far ahead a window may start. */
export const MAX_START_AHEAD_DAYS = 730;

export interface RequestWindow {
  startDate: string;
  endDate: string;
  estimatedHours: number;
}

/**
 * The rules a window must follow, given today's date where the consortium works: it starts today
 * or later (and within two years), ends on or after it starts, lasts at most a year, and its hours
 * fit: at most 8 per working day (Mon-Fri) in it, which is 40 h per full working week and
 * proportionally less for a partial week. This is the most one professional can give it, and it
 * matches how bookings are spread evenly over the window's working days.
 */
export function windowProblems(window: RequestWindow, today: string): FieldError[] {
  const start = parseDay(window.startDate);
  const end = parseDay(window.endDate);
  const problems: FieldError[] = [];
  if (start < parseDay(today)) {
    problems.push({ field: 'startDate', message: `startDate must be today (${today}) or later`, constraint: 'windowInPast', params: { today } });
  } else if (start - parseDay(today) > MAX_START_AHEAD_DAYS) {
    problems.push({ field: 'startDate', message: `startDate must be within ${MAX_START_AHEAD_DAYS} days`, constraint: 'windowTooFar', params: { maxDays: MAX_START_AHEAD_DAYS } });
  }
  if (end < start) {
    problems.push({ field: 'endDate', message: 'endDate must be on or after startDate', constraint: 'endBeforeStart' });
    return problems;
  }
  if (end - start + 1 > MAX_WINDOW_DAYS) {
    problems.push({ field: 'endDate', message: `the window may last at most ${MAX_WINDOW_DAYS} days`, constraint: 'windowTooLong', params: { maxDays: MAX_WINDOW_DAYS } });
    return problems;
  }
  const days = workingDaysBetween(start, end).length;
  const max = days * MAX_HOURS_PER_WORKING_DAY;
  if (days === 0) {
    problems.push({ field: 'endDate', message: 'the window has no working day (Monday to Friday)', constraint: 'noWorkingDay' });
  } else if (window.estimatedHours > max) {
    problems.push({
      field: 'estimatedHours',
      message: `estimatedHours must be at most ${max}: 8 h per working day over the window's ${days} working days`,
      constraint: 'hoursExceedWindow',
      params: { max, workingDays: days },
    });
  }
  return problems;
}
