import {
  Cents,
  Day,
  dayCapacity,
  formatDay,
  hoursWithin,
  maxReservable,
  mondayOf,
  ProfessionalAvailability,
  toCents,
  toHours,
  WeekAvailability,
  WindowAvailabilitySummary,
  weekCapacity,
  weekLabel,
  weeksOf,
  workingDaysBetween,
} from '@coop/contracts';

export interface CalendarBooking {
  start: Day;
  end: Day;
  hours: Cents;
}

export interface CalendarTimeOff {
  start: Day;
  end: Day;
}

export interface CalendarInput {
  professionalId: string;
  weeklyCapacityHours: number;
  active: boolean;
  timeOff: CalendarTimeOff[];
  /** Ledger rows by Monday: they hold the capacity and bookings of weeks that have bookings. */
  ledger: Map<Day, { capacity: Cents; booked: Cents }>;
  /** Bookings overlapping the window (only needed for window totals). */
  bookings: CalendarBooking[];
}

/**
 * One professional's availability over a period, from what the loader read: weekly capacity,
 * time off, ledger weeks and bookings. Pure arithmetic; no database.
 */
export class ProfessionalCalendar {
  private readonly weekly: Cents;

  constructor(private readonly input: CalendarInput) {
    this.weekly = toCents(input.weeklyCapacityHours);
  }

  isOff(day: Day): boolean {
    return this.input.timeOff.some((range) => day >= range.start && day <= range.end);
  }

  /** Capacity and bookings of the whole week starting `monday` (the ledger's when it has a row). */
  week(monday: Day): { capacity: Cents; booked: Cents; free: Cents } {
    const row = this.input.ledger.get(monday);
    const capacity = row?.capacity ?? weekCapacity(this.weekly, monday, (day) => this.isOff(day));
    const booked = row?.booked ?? 0;
    return { capacity, booked, free: Math.max(0, capacity - booked) };
  }

  summarize(start: Day, end: Day): ProfessionalAvailability {
    const figures = this.figures(start, end);
    const weeks: WeekAvailability[] = figures.mondays.map((monday) => {
      const week = figures.weeks.get(monday)!;
      return {
        week: weekLabel(monday),
        weekStart: formatDay(monday),
        capacityHours: toHours(week.capacity),
        bookedHours: toHours(week.booked),
        freeHours: toHours(week.free),
        windowWorkingDays: windowDaysIn(figures.windowDays, monday),
        timeOffDays: workingDaysBetween(monday, monday + 4)
          .filter((day) => this.isOff(day))
          .map(formatDay),
      };
    });
    return {
      professionalId: this.input.professionalId,
      active: this.input.active,
      weeklyCapacityHours: this.input.weeklyCapacityHours,
      startDate: formatDay(start),
      endDate: formatDay(end),
      workingDays: figures.windowDays.length,
      capacityHours: toHours(figures.capacity),
      timeOffHours: toHours(figures.timeOff),
      bookedHours: toHours(figures.booked),
      freeHours: toHours(Math.max(0, figures.capacity - figures.booked)),
      maxReservableHours: toHours(figures.maxReservable),
      timeOffDays: figures.offDays.map(formatDay),
      weeks,
    };
  }

  /** The window's totals as ranking takes them (the figures of `summarize`, without weeks and dates). */
  window(start: Day, end: Day): WindowAvailabilitySummary {
    const figures = this.figures(start, end);
    const first = figures.mondays[0];
    return {
      professionalId: this.input.professionalId,
      active: this.input.active,
      weeklyCapacityHours: this.input.weeklyCapacityHours,
      workingDays: figures.windowDays.length,
      capacityHours: toHours(figures.capacity),
      bookedHours: toHours(figures.booked),
      maxReservableHours: toHours(figures.maxReservable),
      timeOffDayCount: figures.offDays.length,
      firstWeekFreeHours: first === undefined ? 0 : toHours(figures.weeks.get(first)!.free),
      firstWeekWindowWorkingDays: first === undefined ? 0 : windowDaysIn(figures.windowDays, first),
    };
  }

  private figures(start: Day, end: Day) {
    const windowDays = workingDaysBetween(start, end);
    const offDays: Day[] = [];
    let capacity = 0;
    let timeOff = 0;
    for (const day of windowDays) {
      if (this.isOff(day)) {
        offDays.push(day);
        timeOff += dayCapacity(this.weekly, day);
      } else capacity += dayCapacity(this.weekly, day);
    }
    const mondays = weeksOf(start, end);
    const weeks = new Map(mondays.map((monday) => [monday, this.week(monday)]));
    const freeByWeek = new Map(mondays.map((monday) => [monday, weeks.get(monday)!.free]));
    const maxReservableCents = this.input.active ? maxReservable(freeByWeek, start, end) : 0;
    return { windowDays, offDays, capacity, timeOff, booked: this.bookedOn(start, end), mondays, weeks, maxReservable: maxReservableCents };
  }

  /** Hours of the bookings that fall on days between `start` and `end`. */
  private bookedOn(start: Day, end: Day): Cents {
    return this.input.bookings.reduce((booked, booking) => booked + hoursWithin(booking.hours, booking.start, booking.end, start, end), 0);
  }
}

/** How many of the window's working days fall in the week of `monday`. */
function windowDaysIn(windowDays: Day[], monday: Day): number {
  return windowDays.filter((day) => mondayOf(day) === monday).length;
}
