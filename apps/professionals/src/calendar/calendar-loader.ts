import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Day, formatDay, mondayOf, parseDay, toCents } from '@coop/contracts';
import { CalendarBooking, CalendarTimeOff, ProfessionalCalendar } from './professional-calendar.js';

/** What the loader needs to know of a professional. */
export interface CalendarSubject {
  id: string;
  weeklyCapacityHours: number;
  active: boolean;
}

/**
 * Reads, in a few set-based queries, what the calendars of many professionals need over a period
 * (whole ISO weeks around `start..end`): time off, ledger weeks and, on request, bookings.
 */
@Injectable()
export class CalendarLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(subjects: CalendarSubject[], start: Day, end: Day, options: { bookings: boolean }): Promise<Map<string, ProfessionalCalendar>> {
    if (subjects.length === 0) return new Map();
    const ids = subjects.map((subject) => subject.id);
    const from = formatDay(mondayOf(start));
    const to = formatDay(mondayOf(end) + 6);
    const [timeOff, ledger, bookings] = await Promise.all([
      this.dataSource.query<Array<{ professional_id: string; start_date: string; end_date: string }>>(
        `SELECT professional_id, start_date::text, end_date::text FROM time_off
         WHERE professional_id = ANY($1::uuid[]) AND start_date <= $3::date AND end_date >= $2::date`,
        [ids, from, to],
      ),
      this.dataSource.query<Array<{ professional_id: string; week_start: string; capacity_hours: string; booked_hours: string }>>(
        `SELECT professional_id, week_start::text, capacity_hours, booked_hours FROM availability_week
         WHERE professional_id = ANY($1::uuid[]) AND week_start BETWEEN $2::date AND $3::date`,
        [ids, from, to],
      ),
      options.bookings
        ? this.dataSource.query<Array<{ professional_id: string; start_date: string; end_date: string; hours: string }>>(
            `SELECT professional_id, start_date::text, end_date::text, hours FROM booking
             WHERE professional_id = ANY($1::uuid[]) AND start_date <= $3::date AND end_date >= $2::date`,
            [ids, formatDay(start), formatDay(end)],
          )
        : Promise.resolve([]),
    ]);
    const timeOffOf = groupBy(timeOff, (row): CalendarTimeOff => ({ start: parseDay(row.start_date), end: parseDay(row.end_date) }));
    const bookingsOf = groupBy(bookings, (row): CalendarBooking => ({ start: parseDay(row.start_date), end: parseDay(row.end_date), hours: toCents(Number(row.hours)) }));
    const ledgerOf = groupBy(ledger, (row) => [parseDay(row.week_start), { capacity: toCents(Number(row.capacity_hours)), booked: toCents(Number(row.booked_hours)) }] as const);
    return new Map(
      subjects.map((subject) => [
        subject.id,
        new ProfessionalCalendar({
          professionalId: subject.id,
          weeklyCapacityHours: subject.weeklyCapacityHours,
          active: subject.active,
          timeOff: timeOffOf.get(subject.id) ?? [],
          ledger: new Map(ledgerOf.get(subject.id) ?? []),
          bookings: bookingsOf.get(subject.id) ?? [],
        }),
      ]),
    );
  }
}

function groupBy<Row extends { professional_id: string }, Item>(rows: Row[], map: (row: Row) => Item): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const row of rows) {
    const group = groups.get(row.professional_id) ?? [];
    group.push(map(row));
    groups.set(row.professional_id, group);
  }
  return groups;
}
