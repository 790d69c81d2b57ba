import fc from 'fast-check';
import {
  dayCapacity,
  fitsEveryWeek,
  formatDay,
  hoursWithin,
  isoDayOfWeek,
  maxReservable,
  mondayOf,
  parseDay,
  spreadByWeek,
  toCents,
  today,
  tryParseDay,
  weekCapacity,
  weekLabel,
  weeksOf,
  workingDayCount,
  workingDaysBetween,
} from './iso-week.js';

const d = parseDay;

// The spread of a booking's hours, as its rule says it, day by day: what the counted figures must equal.
function spreadOverWorkingDays(total: number, start: number, end: number): Map<number, number> {
  const days = workingDaysBetween(start, end);
  const base = days.length === 0 ? 0 : Math.floor(total / days.length);
  const extra = total - base * days.length;
  return new Map(days.map((day, index) => [day, base + (index < extra ? 1 : 0)]));
}

function sumByWeek(perDay: Map<number, number>): Map<number, number> {
  const perWeek = new Map<number, number>();
  for (const [day, cents] of [...perDay].sort(([a], [b]) => a - b)) perWeek.set(mondayOf(day), (perWeek.get(mondayOf(day)) ?? 0) + cents);
  return perWeek;
}
const hoursByWeek = (map: Map<number, number>) => Object.fromEntries([...map].map(([monday, cents]) => [weekLabel(monday), cents / 100]));

describe('calendar days', () => {
  it('reads and writes YYYY-MM-DD and refuses dates that do not exist', () => {
    expect(formatDay(d('2026-11-26'))).toBe('2026-11-26');
    expect(formatDay(d('2028-02-29'))).toBe('2028-02-29');
    expect(tryParseDay('2026-02-29')).toBeUndefined();
    expect(tryParseDay('2026-13-01')).toBeUndefined();
    expect(tryParseDay('2026-1-5')).toBeUndefined();
    expect(tryParseDay('26-11-2026')).toBeUndefined();
  });

  it('knows what day it is in the consortium’s time zone', () => {
    const sundayEveningInMontreal = new Date('2026-11-30T03:00:00Z'); // already Monday in UTC
    expect(formatDay(today('America/Toronto', sundayEveningInMontreal))).toBe('2026-11-29');
    expect(formatDay(today('UTC', sundayEveningInMontreal))).toBe('2026-11-30');
  });

  it('knows the day of week, Monday being 1', () => {
    expect(isoDayOfWeek(d('2026-11-23'))).toBe(1);
    expect(isoDayOfWeek(d('2026-11-29'))).toBe(7);
    expect(isoDayOfWeek(d('1969-12-29'))).toBe(1);
    expect(formatDay(mondayOf(d('2026-11-29')))).toBe('2026-11-23');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-11-26', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2026-12-31', '2026-W53'], // 2026 has 53 weeks
    ['2027-01-03', '2026-W53'], // a Sunday in January still in the previous ISO year
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'], // a Monday in December already in the next ISO year
    ['2021-01-03', '2020-W53'],
    ['2025-12-29', '2026-W01'],
  ])('%s is in %s', (date, label) => {
    expect(weekLabel(d(date))).toBe(label);
  });

  it('lists every week a window touches, partial ones included', () => {
    expect(weeksOf(d('2026-12-30'), d('2027-01-05')).map(weekLabel)).toEqual(['2026-W53', '2027-W01']);
    expect(weeksOf(d('2026-11-28'), d('2026-11-29')).map(weekLabel)).toEqual(['2026-W48']);
  });
});

describe('splitting hours', () => {
  it('splits into parts that differ by at most a hundredth, the first days taking the extra ones', () => {
    // Wed, Thu, Fri: 10 h is 3.34 + 3.33 + 3.33.
    const onDay = (day: string) => hoursWithin(1000, d('2026-11-25'), d('2026-11-27'), d(day), d(day));
    expect(['2026-11-25', '2026-11-26', '2026-11-27'].map(onDay)).toEqual([334, 333, 333]);
  });

  it('spreads a booking over working days only, whatever the window holds', () => {
    // Wednesday to the next Tuesday: Wed, Thu, Fri, Mon, Tue (the weekend takes nothing).
    const onDay = (day: number) => hoursWithin(toCents(10), d('2026-11-25'), d('2026-12-01'), day, day);
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => onDay(d('2026-11-25') + offset))).toEqual([200, 200, 200, 0, 0, 200, 200]);
    expect(hoursByWeek(spreadByWeek(toCents(10), d('2026-11-25'), d('2026-12-01')))).toEqual({ '2026-W48': 6, '2026-W49': 4 });
  });

  it('keeps every hundredth when the hours do not divide evenly', () => {
    const parts = spreadByWeek(toCents(10), d('2026-11-26'), d('2026-11-30')); // Thu, Fri | Mon
    expect(hoursByWeek(parts)).toEqual({ '2026-W48': 6.67, '2026-W49': 3.33 });
    const odd = spreadByWeek(toCents(123.45), d('2026-11-02'), d('2027-02-26'));
    expect([...odd.values()].reduce((a, b) => a + b, 0)).toBe(12345);
  });

  it('splits across the year boundary into the right ISO weeks', () => {
    const parts = spreadByWeek(toCents(12), d('2026-12-31'), d('2027-01-05')); // Thu, Fri (W53) | Mon, Tue (W01)
    expect(hoursByWeek(parts)).toEqual({ '2026-W53': 6, '2027-W01': 6 });
  });

  it('has nothing to spread over a weekend-only window', () => {
    expect(spreadByWeek(toCents(5), d('2026-11-28'), d('2026-11-29')).size).toBe(0);
  });
});

describe('weekly capacity', () => {
  const noTimeOff = () => false;

  it('is the weekly capacity when nothing is off', () => {
    expect(weekCapacity(toCents(35), d('2026-11-23'), noTimeOff)).toBe(toCents(35));
  });

  it('loses capacity/5 per working day off and nothing for weekend days off', () => {
    const off = new Set([d('2026-11-25'), d('2026-11-28'), d('2026-11-29')]); // Wed, Sat, Sun
    expect(weekCapacity(toCents(35), d('2026-11-23'), (day) => off.has(day))).toBe(toCents(28));
  });

  it('splits an uneven weekly capacity without losing hundredths', () => {
    expect([0, 1, 2, 3, 4].map((offset) => dayCapacity(3601, d('2026-11-23') + offset))).toEqual([721, 720, 720, 720, 720]);
    expect(dayCapacity(3601, d('2026-11-28'))).toBe(0);
    expect(weekCapacity(3601, d('2026-11-23'), (day) => day === d('2026-11-23'))).toBe(2880);
  });
});

describe('maxReservable', () => {
  it('is limited by the tightest week, in proportion to its share of the working days', () => {
    // Thu, Fri in W48 and Mon..Fri in W49: W48 takes 2/7 of the hours, W49 5/7.
    const free = new Map([
      [d('2026-11-23'), toCents(4)],
      [d('2026-11-30'), toCents(35)],
    ]);
    const max = maxReservable(free, d('2026-11-26'), d('2026-12-04'));
    expect(max).toBe(toCents(14));
    const parts = spreadByWeek(max, d('2026-11-26'), d('2026-12-04'));
    expect(parts.get(d('2026-11-23'))).toBeLessThanOrEqual(toCents(4));
  });

  it('never proposes an amount whose rounding overbooks a week', () => {
    // Thu, Fri | Mon, Tue: 2 hundredths would put both on Thursday and Friday, one too many.
    const free = new Map([
      [d('2026-11-23'), 1],
      [d('2026-11-30'), 10_000],
    ]);
    expect(maxReservable(free, d('2026-11-26'), d('2026-12-01'))).toBe(1);
    expect(maxReservable(new Map([[d('2026-11-23'), 0]]), d('2026-11-23'), d('2026-11-27'))).toBe(0);
    expect(maxReservable(new Map(), d('2026-11-28'), d('2026-11-29'))).toBe(0);
  });
});

describe('counting instead of listing days', () => {
  // Windows of up to eight weeks around the turn of a year, any day of the week; hours up to 400.
  const someDay = fc.integer({ min: d('2026-11-20'), max: d('2027-01-20') });
  const window = fc.tuple(someDay, fc.integer({ min: 0, max: 56 })).map(([start, length]) => ({ start, end: start + length }));
  const hundredths = fc.integer({ min: 0, max: 40_000 });

  /** The hours of a spread booking on each day, summed day by day: what the counted figures must equal. */
  const spread = (total: number, start: number, end: number) => [...spreadOverWorkingDays(total, start, end)];

  it('counts the working days of a window as listing them does', () => {
    fc.assert(fc.property(someDay, fc.integer({ min: -3, max: 60 }), (start, length) => workingDayCount(start, start + length) === workingDaysBetween(start, start + length).length));
  });

  it('spreads a booking by week exactly as over its days summed by week', () => {
    fc.assert(
      fc.property(hundredths, window, (total, { start, end }) => {
        expect([...spreadByWeek(total, start, end)]).toEqual([...sumByWeek(spreadOverWorkingDays(total, start, end))]);
      }),
    );
  });

  it('gives the hours a booking puts on any range of days exactly as its days hold them', () => {
    fc.assert(
      fc.property(hundredths, window, window, (total, booking, range) => {
        const onTheirDays = spread(total, booking.start, booking.end)
          .filter(([day]) => day >= range.start && day <= range.end)
          .reduce((sum, [, cents]) => sum + cents, 0);
        expect(hoursWithin(total, booking.start, booking.end, range.start, range.end)).toBe(onTheirDays);
      }),
    );
  });

  it('finds the most a window can take as reckoned day by day, and it fits', () => {
    const freeHours = fc.array(fc.integer({ min: -100, max: 4_000 }), { minLength: 10, maxLength: 10 });
    /** maxReservable's rule on listed days: each week's share of the days bounds it, lowered until every week's part fits. */
    const dayByDay = (freeByWeek: Map<number, number>, start: number, end: number) => {
      const days = workingDaysBetween(start, end);
      if (days.length === 0) return 0;
      let best = Infinity;
      for (const [monday, count] of sumByWeek(new Map(days.map((day) => [day, 1])))) best = Math.min(best, Math.floor((Math.max(0, freeByWeek.get(monday) ?? 0) * days.length) / count));
      const fits = (total: number) => [...sumByWeek(spreadOverWorkingDays(total, start, end))].every(([monday, part]) => part <= (freeByWeek.get(monday) ?? 0));
      while (best > 0 && !fits(best)) best -= 1;
      return best;
    };
    fc.assert(
      fc.property(window, freeHours, ({ start, end }, free) => {
        const freeByWeek = new Map(weeksOf(start, end).map((monday, i) => [monday, free[i % free.length]]));
        const most = maxReservable(freeByWeek, start, end);
        expect(most).toBe(dayByDay(freeByWeek, start, end));
        // Nothing (0) is the answer too when a week is already over its capacity (negative free hours).
        if (most > 0) expect(fitsEveryWeek(most, start, end, freeByWeek)).toBe(true);
      }),
    );
  });
});
