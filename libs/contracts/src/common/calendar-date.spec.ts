import { isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2026-12-31'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '2026-01-05T00:00:00Z', '', 20260105, null])('refuses %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});
