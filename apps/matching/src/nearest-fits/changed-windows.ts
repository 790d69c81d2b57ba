import { type Day, isWorkingDay, MAX_REQUEST_WINDOW_DAYS, parseDay } from '@coop/contracts';

/** A request window a nearest fit may propose instead of the request's own. */
export interface ChangedWindow {
  kind: 'stretched_window' | 'shifted_window';
  /** Working days added at the end (stretched), or moved by (shifted; negative is earlier). */
  workingDays: number;
  start: Day;
  end: Day;
}

/** The `count`-th working day after `day` (before it when `count` is negative). */
export function addWorkingDays(day: Day, count: number): Day {
  const step = Math.sign(count);
  let current = day;
  for (let remaining = Math.abs(count); remaining > 0; ) {
    current += step;
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Every window a nearest fit may propose, smallest change first: for k = 1..maxWorkingDays, the
 * window stretched by k working days at its end, then shifted k working days later, then k earlier
 * (not before `earliestStart`, today: a request cannot start in the past). A shift moves the first
 * and last working days alike, so the window keeps its number of working days. A stretched window
 * stays within a request's longest window.
 */
export function changedWindows(startDate: string, endDate: string, maxWorkingDays: number, earliestStart: Day): ChangedWindow[] {
  const start = parseDay(startDate);
  const end = parseDay(endDate);
  const first = firstWorkingDayFrom(start);
  const last = lastWorkingDayUntil(end);
  if (first > last) return []; // no working day: no window around it holds the same work
  const windows: ChangedWindow[] = [];
  for (let k = 1; k <= maxWorkingDays; k += 1) {
    const stretchedEnd = addWorkingDays(last, k);
    if (stretchedEnd - start + 1 <= MAX_REQUEST_WINDOW_DAYS) windows.push({ kind: 'stretched_window', workingDays: k, start, end: stretchedEnd });
    windows.push({ kind: 'shifted_window', workingDays: k, start: addWorkingDays(first, k), end: addWorkingDays(last, k) });
    const earlier = addWorkingDays(first, -k);
    if (earlier >= earliestStart) windows.push({ kind: 'shifted_window', workingDays: -k, start: earlier, end: addWorkingDays(last, -k) });
  }
  return windows;
}

/**
 * What the index is asked about for professionals the ranking did not retrieve (free once the
 * window reaches further): the farthest stretched window and the farthest later one, a filter set
 * each. Not the earlier ones: a request can seldom start sooner, and the ranked candidates are
 * still checked against them.
 */
export function searchedWindows(windows: readonly ChangedWindow[]): ChangedWindow[] {
  const farthest = (kind: ChangedWindow['kind']) =>
    windows.filter((window) => window.kind === kind && window.workingDays > 0).reduce<ChangedWindow | undefined>((far, window) => (!far || window.workingDays > far.workingDays ? window : far), undefined);
  return [farthest('stretched_window'), farthest('shifted_window')].filter((window): window is ChangedWindow => window !== undefined);
}

/** The days that hold the request's window and every changed one: one availability batch covers them all. */
export function widerWindow(startDate: string, endDate: string, windows: readonly ChangedWindow[]): { start: Day; end: Day } {
  return windows.reduce(
    (wider, window) => ({ start: Math.min(wider.start, window.start), end: Math.max(wider.end, window.end) }),
    { start: parseDay(startDate), end: parseDay(endDate) },
  );
}

function firstWorkingDayFrom(day: Day): Day {
  return isWorkingDay(day) ? day : addWorkingDays(day, 1);
}

function lastWorkingDayUntil(day: Day): Day {
  return isWorkingDay(day) ? day : addWorkingDays(day, -1);
}
