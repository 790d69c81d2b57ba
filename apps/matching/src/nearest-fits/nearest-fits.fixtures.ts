import {
  formatDay,
  parseDay,
  type ProfessionalAvailability,
  toCents,
  toHours,
  weekCapacity,
  weekLabel,
  weeksOf,
  workingDaysBetween,
} from '@coop/contracts';

export interface CalendarSpec {
  weeklyCapacityHours?: number;
  active?: boolean;
  /** Hours booked, by the Monday of the week (YYYY-MM-DD). */
  booked?: Record<string, number>;
  /** Working days off (YYYY-MM-DD). */
  daysOff?: string[];
}

/**
 * A whole-week availability answer over from..to, as the professionals service gives it: each
 * week's capacity (weekly capacity less its days off), bookings and free hours.
 */
export function availabilityAnswer(professionalId: string, from: string, to: string, spec: CalendarSpec = {}): ProfessionalAvailability {
  const weekly = spec.weeklyCapacityHours ?? 35;
  const off = new Set((spec.daysOff ?? []).map(parseDay));
  const [start, end] = [parseDay(from), parseDay(to)];
  const windowDays = workingDaysBetween(start, end);
  const weeks = weeksOf(start, end).map((monday) => {
    const capacity = weekCapacity(toCents(weekly), monday, (day) => off.has(day));
    const booked = toCents(spec.booked?.[formatDay(monday)] ?? 0);
    return {
      week: weekLabel(monday),
      weekStart: formatDay(monday),
      capacityHours: toHours(capacity),
      bookedHours: toHours(booked),
      freeHours: toHours(Math.max(0, capacity - booked)),
      windowWorkingDays: windowDays.filter((day) => day >= monday && day < monday + 7).length,
      timeOffDays: workingDaysBetween(monday, monday + 4).filter((day) => off.has(day)).map(formatDay),
    };
  });
  // Window totals are not read by the nearest fits (they work from the weeks): left at zero.
  return {
    professionalId,
    active: spec.active ?? true,
    weeklyCapacityHours: weekly,
    startDate: from,
    endDate: to,
    workingDays: windowDays.length,
    capacityHours: 0,
    timeOffHours: 0,
    bookedHours: 0,
    freeHours: 0,
    maxReservableHours: 0,
    timeOffDays: windowDays.filter((day) => off.has(day)).map(formatDay),
    weeks,
  };
}
