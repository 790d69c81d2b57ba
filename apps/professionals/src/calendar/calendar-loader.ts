import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Day, formatDay, mondayOf, parseDay, toCents } from '@coop/contracts';
import { ProfessionalCalendar } from './professional-calendar.js';

/** What the loader needs to know of a professional. */
export interface CalendarSubject {
  id: string;
  weeklyCapacityHours: number;
  active: boolean;
}

/** A professional's calendar facts as one row: the ranges as JSON arrays of [start, end(, hours)]. */
interface CalendarRow extends CalendarSubject {
  timeOff: Array<[string, string]>;
  ledger: Array<[string, number, number]>;
  bookings: Array<[string, string, number]>;
}

/**
 * Reads, in one statement, what the calendars of many professionals need over a period (whole ISO
 * weeks around `start..end`): time off, ledger weeks and, on request, bookings. Matching asks for
 * a few hundred on every match; the search index and the capacity grid a page at a time.
 */
@Injectable()
export class CalendarLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The calendars of the professionals with these ids (those that exist), bookings included. */
  async loadByIds(ids: string[], start: Day, end: Day): Promise<Map<string, ProfessionalCalendar>> {
    const rows = await this.read(ids, start, end, true);
    return new Map(rows.map((row) => [row.id, calendarOf(row, row)]));
  }

  /** The calendars of these professionals, whose capacity and state the caller already knows. */
  async load(subjects: CalendarSubject[], start: Day, end: Day, options: { bookings: boolean }): Promise<Map<string, ProfessionalCalendar>> {
    const rows = new Map((await this.read(subjects.map((subject) => subject.id), start, end, options.bookings)).map((row) => [row.id, row]));
    return new Map(subjects.map((subject) => [subject.id, calendarOf(subject, rows.get(subject.id))]));
  }

  private async read(ids: string[], start: Day, end: Day, bookings: boolean): Promise<CalendarRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<CalendarRow[]>(
      `SELECT p.id, p.weekly_capacity_hours::float8 AS "weeklyCapacityHours", p.active,
         coalesce((SELECT json_agg(json_build_array(t.start_date, t.end_date)) FROM time_off t
                   WHERE t.professional_id = p.id AND t.start_date <= $3::date AND t.end_date >= $2::date), '[]') AS "timeOff",
         coalesce((SELECT json_agg(json_build_array(w.week_start, w.capacity_hours, w.booked_hours)) FROM availability_week w
                   WHERE w.professional_id = p.id AND w.week_start BETWEEN $2::date AND $3::date), '[]') AS ledger,
         CASE WHEN $6 THEN coalesce((SELECT json_agg(json_build_array(b.start_date, b.end_date, b.hours)) FROM booking b
                   WHERE b.professional_id = p.id AND b.start_date <= $5::date AND b.end_date >= $4::date), '[]') ELSE '[]' END AS bookings
       FROM professional p WHERE p.id = ANY($1::uuid[])`,
      [ids, formatDay(mondayOf(start)), formatDay(mondayOf(end) + 6), formatDay(start), formatDay(end), bookings],
    );
  }
}

function calendarOf(subject: CalendarSubject, row: CalendarRow | undefined): ProfessionalCalendar {
  return new ProfessionalCalendar({
    professionalId: subject.id,
    weeklyCapacityHours: subject.weeklyCapacityHours,
    active: subject.active,
    timeOff: (row?.timeOff ?? []).map(([from, to]) => ({ start: parseDay(from), end: parseDay(to) })),
    ledger: new Map((row?.ledger ?? []).map(([monday, capacity, booked]) => [parseDay(monday), { capacity: toCents(capacity), booked: toCents(booked) }])),
    bookings: (row?.bookings ?? []).map(([from, to, hours]) => ({ start: parseDay(from), end: parseDay(to), hours: toCents(hours) })),
  });
}
