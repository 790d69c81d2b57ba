import {
  type Cents,
  type Day,
  dayCapacity,
  fitsEveryWeek,
  maxReservable,
  mondayOf,
  parseDay,
  type ProfessionalAvailability,
  toCents,
  toHours,
  weeksOf,
  workingDayCount,
  workingDaysBetween,
  WORKING_DAYS_PER_WEEK,
} from '@coop/contracts';
import type { WindowAvailability } from '../ranking/candidate-facts.js';

/**
 * One professional's availability over any window inside a wider one, from a single availability
 * answer over the wider window. Its weeks are whole weeks, so what a booking over a window could
 * take (`maxReservable`) is exact, the same figure the professionals service computes. The hours
 * booked on the window's own days are not in a whole-week answer: they are estimated as each
 * week's bookings spread over its five working days (only the workload factor uses them).
 */
export class WholeWeekCalendar {
  private readonly freeByWeek = new Map<Day, Cents>();
  private readonly bookedByWeek = new Map<Day, Cents>();
  private readonly daysOff = new Set<Day>();
  private readonly weekly: Cents;

  constructor(private readonly availability: ProfessionalAvailability) {
    this.weekly = toCents(availability.weeklyCapacityHours);
    for (const week of availability.weeks) {
      const monday = parseDay(week.weekStart);
      this.freeByWeek.set(monday, toCents(week.freeHours));
      this.bookedByWeek.set(monday, toCents(week.bookedHours));
      for (const day of week.timeOffDays) this.daysOff.add(parseDay(day));
    }
  }

  /**
   * Whether a booking of `hours` over exactly start..end fits now: its part of each week (spread
   * as the professionals service spreads it) within that week's free hours. The same answer as
   * `maxReservableHours >= hours`, for a fraction of the work.
   */
  canTake(start: Day, end: Day, hours: number): boolean {
    return this.availability.active && workingDayCount(start, end) > 0 && fitsEveryWeek(toCents(hours), start, end, this.freeByWeek);
  }

  /** The most hours a booking over exactly start..end could take now (no week overbooked). */
  maxReservableHours(start: Day, end: Day): number {
    return this.availability.active ? toHours(maxReservable(this.freeByWeek, start, end)) : 0;
  }

  /** The window as the ranking sees it, for a request of `hours` over start..end. */
  window(start: Day, end: Day, hours: number): WindowAvailability {
    const days = workingDaysBetween(start, end);
    const working = days.filter((day) => !this.daysOff.has(day));
    const daysIn = (monday: Day) => days.filter((day) => mondayOf(day) === monday).length;
    const weeks = weeksOf(start, end);
    const booked = weeks.reduce((sum, monday) => sum + ((this.bookedByWeek.get(monday) ?? 0) * daysIn(monday)) / WORKING_DAYS_PER_WEEK, 0);
    // The first week the window touches, as windowAvailability takes it.
    const firstWeek = weeks[0];
    return {
      capacityHours: toHours(working.reduce((sum, day) => sum + dayCapacity(this.weekly, day), 0)),
      bookedHours: toHours(Math.round(booked)),
      freeHours: this.maxReservableHours(start, end),
      // As the ranking counts it (windowAvailability): a fifth of the weekly capacity per day off.
      timeOffHours: ((days.length - working.length) * this.availability.weeklyCapacityHours) / WORKING_DAYS_PER_WEEK,
      firstWeekFreeHours: firstWeek === undefined ? 0 : toHours(this.freeByWeek.get(firstWeek) ?? 0),
      firstWeekNeededHours: firstWeek === undefined || days.length === 0 ? 0 : (hours * daysIn(firstWeek)) / days.length,
    };
  }
}
