import { formatDay, parseDay, today, workingDaysBetween } from '@coop/contracts';
import { windowProblems } from './request-window.js';

// 2026-11-23 is a Monday.
const TODAY = '2026-11-20';
const MONDAY = '2026-11-23';

describe('windowProblems', () => {
  const sut = (window: { startDate: string; endDate: string; estimatedHours: number }) => windowProblems(window, TODAY);

  it('accepts 40 h over one Monday-to-Friday week, and over the same week with its weekend', () => {
    expect(sut({ startDate: MONDAY, endDate: '2026-11-27', estimatedHours: 40 })).toEqual([]);
    expect(sut({ startDate: '2026-11-21', endDate: '2026-11-29', estimatedHours: 40 })).toEqual([]);
  });

  it('allows 8 h per working day of a partial week', () => {
    const wednesdayToFriday = { startDate: '2026-11-25', endDate: '2026-11-27' };

    expect(sut({ ...wednesdayToFriday, estimatedHours: 24 })).toEqual([]);
    expect(sut({ ...wednesdayToFriday, estimatedHours: 24.01 })).toEqual([
      expect.objectContaining({ field: 'estimatedHours', constraint: 'hoursExceedWindow', params: { max: 24, workingDays: 3 } }),
    ]);
  });

  it('accepts a window starting today, refuses one that started yesterday', () => {
    expect(sut({ startDate: TODAY, endDate: TODAY, estimatedHours: 8 })).toEqual([]);
    expect(sut({ startDate: '2026-11-19', endDate: MONDAY, estimatedHours: 8 })).toEqual([
      expect.objectContaining({ field: 'startDate', constraint: 'windowInPast', params: { today: TODAY } }),
    ]);
  });

  it('refuses an end before the start without judging the hours', () => {
    expect(sut({ startDate: MONDAY, endDate: '2026-11-22', estimatedHours: 999 })).toEqual([expect.objectContaining({ field: 'endDate', constraint: 'endBeforeStart' })]);
  });

  it('refuses a window with no working day, one longer than a year, and one starting more than two years ahead', () => {
    expect(sut({ startDate: '2026-11-21', endDate: '2026-11-22', estimatedHours: 1 })).toEqual([expect.objectContaining({ constraint: 'noWorkingDay' })]);
    expect(sut({ startDate: MONDAY, endDate: '2027-11-24', estimatedHours: 1 })).toEqual([expect.objectContaining({ constraint: 'windowTooLong' })]);
    expect(sut({ startDate: '2029-01-08', endDate: '2029-01-12', estimatedHours: 1 })).toEqual([expect.objectContaining({ constraint: 'windowTooFar' })]);
  });
});

describe('working days of a window (shared calendar)', () => {
  it('counts Monday to Friday, both ends included', () => {
    expect(workingDaysBetween(parseDay(MONDAY), parseDay(MONDAY)).length).toBe(1);
    expect(workingDaysBetween(parseDay('2026-11-21'), parseDay('2026-12-06')).length).toBe(10);
  });
});

describe('today in the consortium\'s time zone (shared calendar)', () => {
  it("is the calendar day of the time zone, not of UTC", () => {
    const lateEveningInMontreal = new Date('2026-11-21T03:30:00Z');

    expect(formatDay(today('America/Toronto', lateEveningInMontreal))).toBe('2026-11-20');
    expect(formatDay(today('UTC', lateEveningInMontreal))).toBe('2026-11-21');
  });
});
