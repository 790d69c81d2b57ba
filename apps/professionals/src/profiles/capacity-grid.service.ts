import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CapacityCellBooking, CapacityGridQuery, CapacityGridView, formatDay, mondayOf, parseDay, toHours, today, weekLabel, workingDaysBetween } from '@coop/contracts';
import { CalendarLoader } from '../calendar/calendar-loader.js';
import { ProfessionalsConfig } from '../config.js';
import { ProfessionalService } from './professional.service.js';

const DEFAULT_WEEKS = 12;

/**
 * The capacity heat map in one call: a page of professionals (the list's filters), and for each of
 * them every week's capacity, booked hours, days off and the bookings in it. Three set-based
 * queries for the page, whatever its size (the list, the calendars, the bookings' weeks).
 */
@Injectable()
export class CapacityGridService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ProfessionalsConfig) private readonly config: ProfessionalsConfig,
    private readonly professionals: ProfessionalService,
    private readonly calendars: CalendarLoader,
  ) {}

  async grid(query: CapacityGridQuery): Promise<CapacityGridView> {
    const { from, weeks: weekCount = DEFAULT_WEEKS, ...listQuery } = query;
    const firstMonday = mondayOf(from ? parseDay(from) : today(this.config.TIME_ZONE));
    const mondays = Array.from({ length: weekCount }, (_, index) => firstMonday + index * 7);
    const lastSunday = mondays[mondays.length - 1] + 6;
    const page = await this.professionals.list(listQuery);
    const ids = page.items.map((professional) => professional.id);
    const [calendars, bookings] = await Promise.all([
      this.calendars.load(page.items, firstMonday, lastSunday, { bookings: false }),
      this.bookingWeeks(ids, formatDay(firstMonday), formatDay(lastSunday)),
    ]);
    return {
      weeks: mondays.map((monday) => ({ week: weekLabel(monday), weekStart: formatDay(monday) })),
      rows: page.items.map((professional) => {
        const calendar = calendars.get(professional.id)!;
        return {
          professionalId: professional.id,
          fullName: professional.fullName,
          active: professional.active,
          weeklyCapacityHours: professional.weeklyCapacityHours,
          cells: mondays.map((monday) => {
            const week = calendar.week(monday);
            return {
              week: weekLabel(monday),
              capacityHours: toHours(week.capacity),
              bookedHours: toHours(week.booked),
              timeOffDays: workingDaysBetween(monday, monday + 4).filter((day) => calendar.isOff(day)).map(formatDay),
              bookings: bookings.get(`${professional.id} ${formatDay(monday)}`) ?? [],
            };
          }),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The bookings' parts per professional and week (key: "<id> <monday>"). */
  private async bookingWeeks(ids: string[], from: string, to: string): Promise<Map<string, CapacityCellBooking[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<{ professional_id: string; week_start: string; assignment_id: string; hours: string; start_date: string; end_date: string; total_hours: string }>
    >(
      `SELECT b.professional_id, w.week_start::text, b.assignment_id, w.hours, b.start_date::text, b.end_date::text, b.hours AS total_hours
       FROM booking_week w JOIN booking b ON b.assignment_id = w.assignment_id
       WHERE b.professional_id = ANY($1::uuid[]) AND w.week_start BETWEEN $2::date AND $3::date AND w.hours > 0
       ORDER BY b.start_date, b.assignment_id`,
      [ids, from, to],
    );
    const cells = new Map<string, CapacityCellBooking[]>();
    for (const row of rows) {
      const key = `${row.professional_id} ${row.week_start}`;
      const cell = cells.get(key) ?? [];
      cell.push({ assignmentId: row.assignment_id, hours: Number(row.hours), startDate: row.start_date, endDate: row.end_date, totalHours: Number(row.total_hours) });
      cells.set(key, cell);
    }
    return cells;
  }
}
