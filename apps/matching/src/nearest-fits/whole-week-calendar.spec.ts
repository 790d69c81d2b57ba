import { maxReservable, parseDay, toCents } from '@coop/contracts';
import { availabilityAnswer } from './nearest-fits.fixtures.js';
import { WholeWeekCalendar } from './whole-week-calendar.js';

const day = parseDay;

describe(WholeWeekCalendar.name, () => {
  // Weekly 20 h (4 h a day); Monday and Tuesday 1-2 March 2027 off; 6 h booked the week of 8 March.
  const answer = availabilityAnswer('p1', '2027-02-22', '2027-03-26', { weeklyCapacityHours: 20, daysOff: ['2027-03-01', '2027-03-02'], booked: { '2027-03-08': 6 } });
  const sut = new WholeWeekCalendar(answer);

  it('says what a booking over any window inside the answer could take, as the professionals service does', () => {
    const free = new Map(answer.weeks.map((week) => [day(week.weekStart), toCents(week.freeHours)]));
    for (const [start, end] of [
      ['2027-03-01', '2027-03-12'],
      ['2027-03-02', '2027-03-15'],
      ['2027-02-26', '2027-03-19'],
    ]) {
      expect(sut.maxReservableHours(day(start), day(end))).toBe(maxReservable(free, day(start), day(end)) / 100);
    }
    // The first week has 12 h (3 days at 4 h) for its half of the hours: 24 h over the two weeks.
    expect(sut.maxReservableHours(day('2027-03-01'), day('2027-03-12'))).toBe(24);
  });

  it('gives an inactive professional nothing', () => {
    const inactive = new WholeWeekCalendar({ ...answer, active: false });
    expect(inactive.maxReservableHours(day('2027-03-01'), day('2027-03-12'))).toBe(0);
  });

  it('describes a window as the ranking sees it: capacity without the days off, bookings spread over each week', () => {
    expect(sut.window(day('2027-03-01'), day('2027-03-12'), 30)).toEqual({
      capacityHours: 32,
      // 6 h booked that week, all five of its days in the window.
      bookedHours: 6,
      freeHours: 24,
      timeOffHours: 8,
      firstWeekFreeHours: 12,
      firstWeekNeededHours: 15,
    });
    // Two of the second week's five days: two fifths of its bookings.
    expect(sut.window(day('2027-03-01'), day('2027-03-09'), 10).bookedHours).toBe(2.4);
  });
});
