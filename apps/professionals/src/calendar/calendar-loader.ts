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

  /**
   * The calendars of the professionals with these ids (those that exist), over `start..end` with
   * their bookings, read in one statement: what matching asks on every match, a few hundred ids at a
   * time.
   */
  async loadByIds(ids: string[], start: Day, end: Day): Promise<Map<string, ProfessionalCalendar>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<CalendarRow[]>(
      `SELECT p.id, p.weekly_capacity_hours::float8 AS "weeklyCapacityHours", p.active,
         coalesce((SELECT json_agg(json_build_array(t.start_date, t.end_date)) FROM time_off t
                   WHERE t.professional_id = p.id AND t.start_date <= $3::date AND t.end_date >= $2::date), '[]') AS "timeOff",
         coalesce((SELECT json_agg(json_build_array(w.week_start, w.capacity_hours, w.booked_hours)) FROM availability_week w
                   WHERE w.professional_id = p.id AND w.week_start BETWEEN $2::date AND $3::date), '[]') AS ledger,
         coalesce((SELECT json_agg(json_build_array(b.start_date, b.end_date, b.hours)) FROM booking b
                   WHERE b.professional_id = p.id AND b.start_date <= $5::date AND b.end_date >= $4::date), '[]') AS bookings
       FROM professional p WHERE p.id = ANY($1::uuid[])`,
      [ids, formatDay(mondayOf(start)), formatDay(mondayOf(end) + 6), formatDay(start), formatDay(end)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        new ProfessionalCalendar({
          professionalId: row.id,
          weeklyCapacityHours: row.weeklyCapacityHours,
          active: row.active,
          timeOff: row.timeOff.map(([from, to]) => ({ start: parseDay(from), end: parseDay(to) })),
          ledger: new Map(row.ledger.map(([monday, capacity, booked]) => [parseDay(monday), { capacity: toCents(capacity), booked: toCents(booked) }])),
          bookings: row.bookings.map(([from, to, hours]) => ({ start: parseDay(from), end: parseDay(to), hours: toCents(hours) })),
        }),
      ]),
    );
  }

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

/** A professional's calendar facts as one row: its ranges as JSON arrays of [start, end(, hours)]. */
interface CalendarRow {
  id: string;
  weeklyCapacityHours: number;
  active: boolean;
  timeOff: Array<[string, string]>;
  ledger: Array<[string, number, number]>;
  bookings: Array<[string, string, number]>;
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
