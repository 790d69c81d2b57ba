import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cents, Day, formatDay, parseDay, toCents, toHours } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';

/** What the ledger needs of a professional. */
export type LedgerProfessional = Pick<ProfessionalEntity, 'id' | 'active' | 'weeklyCapacityHours'>;

/** One row of the availability ledger. */
export interface LedgerWeek {
  monday: Day;
  capacity: Cents;
  booked: Cents;
}

interface LedgerRow {
  week_start: string;
  capacity_hours: string;
  booked_hours: string;
}

/**
 * The professional's time off overlapping a range of days (the placeholders of the professional's
 * id and the range's first and last days are the caller's): one home for the overlap condition.
 */
function timeOffOverlapping(professional: string, first: string, last: string): string {
  return `SELECT t.start_date::text AS start_date, t.end_date::text AS end_date FROM time_off t
          WHERE t.professional_id = ${professional} AND t.start_date <= ${last}::date AND t.end_date >= ${first}::date`;
}

/** The SQL of the availability ledger (tables availability_week, time_off) and its row locks; the rules are CapacityLedger's. */
@Injectable()
export class LedgerRepository {
  /** What booking needs of a professional, locked FOR SHARE: bookings run side by side, a change of capacity waits. */
  async lockToBook(manager: EntityManager, id: string): Promise<LedgerProfessional | null> {
    const [row] = await manager.query<LedgerProfessional[]>(
      'SELECT id, active, weekly_capacity_hours::float8 AS "weeklyCapacityHours" FROM professional WHERE id = $1 FOR SHARE',
      [id],
    );
    return row ?? null;
  }

  /** The professional, locked FOR UPDATE: bookings and other changes wait. */
  lockToChange(manager: EntityManager, id: string): Promise<ProfessionalEntity | null> {
    return manager.getRepository(ProfessionalEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  /** The professional's time off overlapping `start`..`end`, as [first, last] days. */
  async timeOff(manager: EntityManager, professionalId: string, start: Day, end: Day): Promise<Array<[Day, Day]>> {
    const ranges: Array<{ start_date: string; end_date: string }> = await manager.query(
      timeOffOverlapping('$1', '$2', '$3'),
      [professionalId, formatDay(start), formatDay(end)],
    );
    return ranges.map((range) => [parseDay(range.start_date), parseDay(range.end_date)]);
  }

  /**
   * Which of these weeks the ledger lacks, and the professional's time off over them (what their
   * capacity is computed from), in one statement: a week booked before needs neither.
   */
  async missingWeeks(manager: EntityManager, professionalId: string, mondays: Day[]): Promise<{ missing: Day[]; timeOff: Array<[Day, Day]> }> {
    const [row] = await manager.query<Array<{ missing: string[]; time_off: Array<[string, string]> }>>(
      `SELECT
         ARRAY(SELECT m::text FROM unnest($2::date[]) AS m
               WHERE NOT EXISTS (SELECT 1 FROM availability_week a WHERE a.professional_id = $1 AND a.week_start = m)) AS missing,
         coalesce((SELECT json_agg(json_build_array(o.start_date, o.end_date)) FROM (${timeOffOverlapping('$1', '$3', '$4')}) o), '[]') AS time_off`,
      [professionalId, mondays.map(formatDay), formatDay(Math.min(...mondays)), formatDay(Math.max(...mondays) + 6)],
    );
    return { missing: row.missing.map(parseDay), timeOff: row.time_off.map(([from, to]) => [parseDay(from), parseDay(to)]) };
  }

  /** Creates, at these capacities, the weeks the ledger lacks (in week order); existing weeks are kept as they are. */
  async createMissingWeeks(manager: EntityManager, professionalId: string, capacities: Map<Day, Cents>): Promise<void> {
    const weeks = [...capacities].sort(([a], [b]) => a - b);
    await manager.query(
      `INSERT INTO availability_week (professional_id, week_start, capacity_hours, booked_hours)
       SELECT $1, w.week_start, w.capacity, 0 FROM unnest($2::date[], $3::numeric[]) AS w(week_start, capacity)
       ORDER BY w.week_start
       ON CONFLICT (professional_id, week_start) DO NOTHING`,
      [professionalId, weeks.map(([monday]) => formatDay(monday)), weeks.map(([, cents]) => toHours(cents))],
    );
  }

  /** Locks these weeks' rows (FOR UPDATE, in week order). */
  async lockWeeks(manager: EntityManager, professionalId: string, mondays: Day[]): Promise<LedgerWeek[]> {
    const rows: LedgerRow[] = await manager.query(
      `SELECT week_start::text, capacity_hours, booked_hours FROM availability_week
       WHERE professional_id = $1 AND week_start = ANY($2::date[]) ORDER BY week_start FOR UPDATE`,
      [professionalId, mondays.map(formatDay)],
    );
    return rows.map(toLedgerWeek);
  }

  /** Locks the existing rows from the week of `from` on (to `to` when given), in week order. */
  async lockWeeksBetween(manager: EntityManager, professionalId: string, from: Day, to?: Day): Promise<LedgerWeek[]> {
    const rows: LedgerRow[] = await manager.query(
      `SELECT week_start::text, capacity_hours, booked_hours FROM availability_week
       WHERE professional_id = $1 AND week_start >= $2::date AND ($3::date IS NULL OR week_start <= $3::date)
       ORDER BY week_start FOR UPDATE`,
      [professionalId, formatDay(from), to === undefined ? null : formatDay(to)],
    );
    return rows.map(toLedgerWeek);
  }

  /** Adds hours to the booked hours of weeks (negative to give back). */
  async addBooked(manager: EntityManager, professionalId: string, delta: Array<[Day, Cents]>): Promise<void> {
    await manager.query(
      `UPDATE availability_week a SET booked_hours = a.booked_hours + d.hours
       FROM unnest($2::date[], $3::numeric[]) AS d(week_start, hours)
       WHERE a.professional_id = $1 AND a.week_start = d.week_start`,
      [professionalId, delta.map(([monday]) => formatDay(monday)), delta.map(([, cents]) => toHours(cents))],
    );
  }

  /** Sets the capacity of weeks. */
  async setCapacities(manager: EntityManager, professionalId: string, capacities: Array<[Day, Cents]>): Promise<void> {
    await manager.query(
      `UPDATE availability_week a SET capacity_hours = c.capacity
       FROM unnest($2::date[], $3::numeric[]) AS c(week_start, capacity)
       WHERE a.professional_id = $1 AND a.week_start = c.week_start`,
      [professionalId, capacities.map(([monday]) => formatDay(monday)), capacities.map(([, cents]) => toHours(cents))],
    );
  }
}

function toLedgerWeek(row: LedgerRow): LedgerWeek {
  return { monday: parseDay(row.week_start), capacity: toCents(Number(row.capacity_hours)), booked: toCents(Number(row.booked_hours)) };
}
