import { formatDay, parseDay, workingDaysBetween } from '@coop/contracts';
import { addWorkingDays, changedWindows, searchedWindows, widerWindow } from './changed-windows.js';

const day = parseDay;
const shown = (windows: ReturnType<typeof changedWindows>) => windows.map((w) => `${w.kind} ${w.workingDays} ${formatDay(w.start)}..${formatDay(w.end)}`);

describe(addWorkingDays.name, () => {
  it('steps over weekends both ways', () => {
    // 2027-03-05 is a Friday.
    expect(formatDay(addWorkingDays(day('2027-03-05'), 1))).toBe('2027-03-08');
    expect(formatDay(addWorkingDays(day('2027-03-08'), -1))).toBe('2027-03-05');
    expect(formatDay(addWorkingDays(day('2027-03-06'), 1))).toBe('2027-03-08');
    expect(formatDay(addWorkingDays(day('2027-03-01'), 5))).toBe('2027-03-08');
    expect(formatDay(addWorkingDays(day('2027-03-01'), 0))).toBe('2027-03-01');
  });
});

describe(changedWindows.name, () => {
  // Two working weeks, Monday 1 to Friday 12 March 2027.
  const sut = (max: number, earliest = '2027-02-01') => changedWindows('2027-03-01', '2027-03-12', max, day(earliest));

  it('lists, smallest change first, the window stretched at its end, then shifted later, then earlier', () => {
    expect(shown(sut(2))).toEqual([
      'stretched_window 1 2027-03-01..2027-03-15',
      'shifted_window 1 2027-03-02..2027-03-15',
      'shifted_window -1 2027-02-26..2027-03-11',
      'stretched_window 2 2027-03-01..2027-03-16',
      'shifted_window 2 2027-03-03..2027-03-16',
      'shifted_window -2 2027-02-25..2027-03-10',
    ]);
  });

  it('keeps the number of working days of a shifted window, weekends at its ends included', () => {
    const windows = changedWindows('2027-03-06', '2027-03-21', 3, day('2027-01-01')); // Saturday to Sunday
    for (const window of windows.filter((w) => w.kind === 'shifted_window')) {
      expect(workingDaysBetween(window.start, window.end)).toHaveLength(workingDaysBetween(day('2027-03-06'), day('2027-03-21')).length);
    }
  });

  it('never starts before the earliest start (today)', () => {
    expect(shown(sut(2, '2027-02-26')).filter((w) => w.includes(' -'))).toEqual(['shifted_window -1 2027-02-26..2027-03-11']);
    expect(shown(sut(2, '2027-03-01')).filter((w) => w.includes(' -'))).toEqual([]);
  });

  it('proposes nothing with no working day to move, or no change allowed', () => {
    expect(changedWindows('2027-03-06', '2027-03-07', 5, day('2027-01-01'))).toEqual([]);
    expect(sut(0)).toEqual([]);
  });

  it('does not stretch a window beyond a year', () => {
    const windows = changedWindows('2027-01-04', '2028-01-04', 3, day('2027-01-01'));
    expect(windows.filter((w) => w.kind === 'stretched_window')).toEqual([]);
  });
});

describe(searchedWindows.name, () => {
  it('keeps the farthest stretched and the farthest later window', () => {
    const sut = searchedWindows(changedWindows('2027-03-01', '2027-03-12', 5, day('2027-01-01')));
    expect(sut.map((w) => `${w.kind} ${w.workingDays}`)).toEqual(['stretched_window 5', 'shifted_window 5']);
    expect(searchedWindows([])).toEqual([]);
  });
});

describe(widerWindow.name, () => {
  it('holds the request and every changed window', () => {
    const windows = changedWindows('2027-03-01', '2027-03-12', 5, day('2027-01-01'));
    const sut = widerWindow('2027-03-01', '2027-03-12', windows);
    expect([formatDay(sut.start), formatDay(sut.end)]).toEqual(['2027-02-22', '2027-03-19']);
  });
});
