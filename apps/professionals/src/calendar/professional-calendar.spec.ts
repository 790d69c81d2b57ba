import { parseDay, toCents } from '@coop/contracts';
import { CalendarInput, ProfessionalCalendar } from './professional-calendar.js';

const d = parseDay;
// ISO week 2026-W49 runs from Monday 2026-11-30 to Sunday 2026-12-06; W50 starts 2026-12-07.
const W49 = d('2026-11-30');
const W50 = d('2026-12-07');

function calendar(overrides: Partial<CalendarInput> = {}): ProfessionalCalendar {
  return new ProfessionalCalendar({ professionalId: 'p', weeklyCapacityHours: 35, active: true, timeOff: [], ledger: new Map(), bookings: [], ...overrides });
}

describe(ProfessionalCalendar.name, () => {
  it('computes a week without a ledger row from the weekly capacity and the working days off', () => {
    const sut = calendar({ timeOff: [{ start: d('2026-12-03'), end: d('2026-12-06') }] }); // Thu to Sun
    expect(sut.week(W49)).toEqual({ capacity: toCents(21), booked: 0, free: toCents(21) });
    expect(sut.week(W50)).toEqual({ capacity: toCents(35), booked: 0, free: toCents(35) });
  });

  it('takes capacity and bookings from the ledger where it has a row', () => {
    const sut = calendar({ ledger: new Map([[W49, { capacity: toCents(30), booked: toCents(12.5) }]]) });
    expect(sut.week(W49)).toEqual({ capacity: toCents(30), booked: toCents(12.5), free: toCents(17.5) });
  });

  it('counts only the window’s own days in its totals, and whole weeks in its weeks', () => {
    // Window Thursday of W49 to Tuesday of W50: Thu, Fri, Mon, Tue (Friday off).
    const sut = calendar({
      timeOff: [{ start: d('2026-12-04'), end: d('2026-12-04') }],
      // 10 h over Mon..Fri of W49 (2 h a day), and its ledger row.
      bookings: [{ start: W49, end: d('2026-12-04'), hours: toCents(10) }],
      ledger: new Map([[W49, { capacity: toCents(28), booked: toCents(10) }]]),
    });

    const summary = sut.summarize(d('2026-12-03'), d('2026-12-08'));

    expect(summary).toMatchObject({ workingDays: 4, capacityHours: 21, timeOffHours: 7, bookedHours: 4, freeHours: 17, timeOffDays: ['2026-12-04'] });
    expect(summary.weeks).toEqual([
      { week: '2026-W49', weekStart: '2026-11-30', capacityHours: 28, bookedHours: 10, freeHours: 18, windowWorkingDays: 2, timeOffDays: ['2026-12-04'] },
      { week: '2026-W50', weekStart: '2026-12-07', capacityHours: 35, bookedHours: 0, freeHours: 35, windowWorkingDays: 2, timeOffDays: [] },
    ]);
    // A booking over the window puts half its hours in each week: W49's 18 h free allow 36 h.
    expect(summary.maxReservableHours).toBe(36);
  });

  it('offers nothing to book for an inactive professional', () => {
    expect(calendar({ active: false }).summarize(W49, d('2026-12-04')).maxReservableHours).toBe(0);
  });

  it('gives ranking the same window totals as the summary, without weeks and dates', () => {
    const sut = calendar({
      timeOff: [{ start: d('2026-12-04'), end: d('2026-12-04') }],
      bookings: [{ start: W49, end: d('2026-12-04'), hours: toCents(10) }],
      ledger: new Map([[W49, { capacity: toCents(28), booked: toCents(10) }]]),
    });
    const [start, end] = [d('2026-12-03'), d('2026-12-08')];
    const summary = sut.summarize(start, end);

    expect(sut.window(start, end)).toEqual({
      professionalId: 'p',
      active: true,
      weeklyCapacityHours: 35,
      workingDays: summary.workingDays,
      capacityHours: summary.capacityHours,
      bookedHours: summary.bookedHours,
      maxReservableHours: summary.maxReservableHours,
      timeOffDayCount: summary.timeOffDays.length,
      firstWeekFreeHours: summary.weeks[0].freeHours,
      firstWeekWindowWorkingDays: summary.weeks[0].windowWorkingDays,
    });
    expect(calendar({ active: false }).window(start, end).maxReservableHours).toBe(0);
  });
});
