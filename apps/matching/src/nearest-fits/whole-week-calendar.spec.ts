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

  it('says whether a booking fits, agreeing with what a booking could take', () => {
    for (const [start, end] of [
      ['2027-03-01', '2027-03-12'],
      ['2027-03-02', '2027-03-15'],
    ]) {
      const most = sut.maxReservableHours(day(start), day(end));
      expect([0.5, most - 0.01, most].map((hours) => sut.canTake(day(start), day(end), hours))).toEqual([true, true, true]);
      expect(sut.canTake(day(start), day(end), most + 1)).toBe(false);
    }
    // 2 March to 15 March: 28 h is the proportional bound, yet the hundredths a split hands to its
    // first days (here in the roomier first week) let 28.01 h fit too. canTake follows the booking.
    expect(sut.canTake(day('2027-03-02'), day('2027-03-15'), 28.01)).toBe(true);
    expect(sut.canTake(day('2027-03-01'), day('2027-03-12'), 24.01)).toBe(false);
    expect(sut.canTake(day('2027-03-06'), day('2027-03-07'), 0.5)).toBe(false); // a weekend: no working day
  });

  it('gives an inactive professional nothing', () => {
    const inactive = new WholeWeekCalendar({ ...answer, active: false });
    expect(inactive.maxReservableHours(day('2027-03-01'), day('2027-03-12'))).toBe(0);
    expect(inactive.canTake(day('2027-03-01'), day('2027-03-12'), 1)).toBe(false);
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
