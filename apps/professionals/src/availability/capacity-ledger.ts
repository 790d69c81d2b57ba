import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cents, Day, DomainException, ErrorCode, formatDay, mondayOf, parseDay, toCents, toHours, weekCapacity, weekLabel } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';

/** One locked row of the availability ledger. */
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
 * The availability ledger (table availability_week) and the locks that keep it right under
 * concurrency. Lock order, always: the professional row (FOR SHARE to book, FOR UPDATE to change
 * capacity), then ledger weeks in ascending order. The table's CHECK refuses any overbooking that
 * slipped past the checks here.
 */
@Injectable()
export class CapacityLedger {
  /** The professional, locked: 'share' lets bookings run side by side; 'update' excludes them. */
  async lockProfessional(manager: EntityManager, id: string, mode: 'share' | 'update'): Promise<ProfessionalEntity> {
    const professional = await manager
      .getRepository(ProfessionalEntity)
      .createQueryBuilder('p')
      .setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
    if (!professional) throw DomainException.notFound('Professional', id);
    return professional;
  }

  /** Which days the professional is off between `start` and `end` (inclusive). */
  async daysOff(manager: EntityManager, professionalId: string, start: Day, end: Day): Promise<(day: Day) => boolean> {
    const ranges: Array<{ start_date: string; end_date: string }> = await manager.query(
      'SELECT start_date::text, end_date::text FROM time_off WHERE professional_id = $1 AND start_date <= $3::date AND end_date >= $2::date',
      [professionalId, formatDay(start), formatDay(end)],
    );
    const parsed = ranges.map((range) => [parseDay(range.start_date), parseDay(range.end_date)] as const);
    return (day) => parsed.some(([from, to]) => day >= from && day <= to);
  }

  /** The capacity each week would have now, from the weekly capacity and the time off on record. */
  async computedCapacities(manager: EntityManager, professional: ProfessionalEntity, mondays: Day[]): Promise<Map<Day, Cents>> {
    if (mondays.length === 0) return new Map();
    const isOff = await this.daysOff(manager, professional.id, Math.min(...mondays), Math.max(...mondays) + 6);
    const weekly = toCents(professional.weeklyCapacityHours);
    return new Map(mondays.map((monday) => [monday, weekCapacity(weekly, monday, isOff)]));
  }

  /**
   * Creates the ledger rows the weeks lack (at their computed capacity) and locks all of them, in
   * week order. Call with the professional locked.
   */
  async lockWeeks(manager: EntityManager, professional: ProfessionalEntity, mondays: Day[]): Promise<Map<Day, LedgerWeek>> {
    const sorted = [...new Set(mondays)].sort((a, b) => a - b);
    if (sorted.length === 0) return new Map();
    const capacities = await this.computedCapacities(manager, professional, sorted);
    await manager.query(
      `INSERT INTO availability_week (professional_id, week_start, capacity_hours, booked_hours)
       SELECT $1, w.week_start, w.capacity, 0 FROM unnest($2::date[], $3::numeric[]) AS w(week_start, capacity)
       ORDER BY w.week_start
       ON CONFLICT (professional_id, week_start) DO NOTHING`,
      [professional.id, sorted.map(formatDay), sorted.map((monday) => toHours(capacities.get(monday)!))],
    );
    const rows: LedgerRow[] = await manager.query(
      `SELECT week_start::text, capacity_hours, booked_hours FROM availability_week
       WHERE professional_id = $1 AND week_start = ANY($2::date[]) ORDER BY week_start FOR UPDATE`,
      [professional.id, sorted.map(formatDay)],
    );
    return new Map(rows.map(toLedgerWeek).map((week) => [week.monday, week]));
  }

  /** Locks the existing ledger rows from the week of `from` on (to `to` when given), in week order. */
  private async lockExistingWeeks(manager: EntityManager, professionalId: string, from: Day, to?: Day): Promise<LedgerWeek[]> {
    const rows: LedgerRow[] = await manager.query(
      `SELECT week_start::text, capacity_hours, booked_hours FROM availability_week
       WHERE professional_id = $1 AND week_start >= $2::date AND ($3::date IS NULL OR week_start <= $3::date)
       ORDER BY week_start FOR UPDATE`,
      [professionalId, formatDay(from), to === undefined ? null : formatDay(to)],
    );
    return rows.map(toLedgerWeek);
  }

  /** Adds hours (negative to give back) to locked weeks; refuses, naming the weeks, what would overbook. */
  async addBooked(manager: EntityManager, professionalId: string, weeks: Map<Day, LedgerWeek>, delta: Map<Day, Cents>): Promise<void> {
    const short = [...delta]
      .filter(([monday, cents]) => cents > 0 && weeks.get(monday)!.booked + cents > weeks.get(monday)!.capacity)
      .map(([monday, cents]) => {
        const week = weeks.get(monday)!;
        return `${weekLabel(monday)} needs ${toHours(cents)} h but has ${toHours(Math.max(0, week.capacity - week.booked))} h free`;
      });
    if (short.length > 0) {
      throw new DomainException(ErrorCode.CapacityExceeded, `Not enough capacity: ${short.join('; ')}`);
    }
    const changed = [...delta].filter(([, cents]) => cents !== 0);
    if (changed.length === 0) return;
    await manager.query(
      `UPDATE availability_week a SET booked_hours = a.booked_hours + d.hours
       FROM unnest($2::date[], $3::numeric[]) AS d(week_start, hours)
       WHERE a.professional_id = $1 AND a.week_start = d.week_start`,
      [professionalId, changed.map(([monday]) => formatDay(monday)), changed.map(([, cents]) => toHours(cents))],
    );
  }

  /**
   * Recomputes the capacity of the ledger weeks from `from` on (to `to` when given) after a change
   * of weekly capacity or time off (already written in this transaction, professional locked for
   * update); refuses (409, naming the weeks) when one would fall below what is booked in it.
   */
  async recomputeCapacities(manager: EntityManager, professional: ProfessionalEntity, change: string, from: Day, to?: Day): Promise<void> {
    const weeks = await this.lockExistingWeeks(manager, professional.id, mondayOf(from), to === undefined ? undefined : mondayOf(to));
    const capacities = await this.computedCapacities(manager, professional, weeks.map((week) => week.monday));
    const short = weeks
      .filter((week) => week.booked > capacities.get(week.monday)!)
      .map((week) => `${weekLabel(week.monday)} would have ${toHours(capacities.get(week.monday)!)} h for ${toHours(week.booked)} h booked`);
    if (short.length > 0) {
      throw new DomainException(
        ErrorCode.CapacityExceeded,
        `${change} would leave less capacity than is already booked: ${short.join('; ')}. Release or resize those bookings first.`,
      );
    }
    const changed = weeks.filter((week) => week.capacity !== capacities.get(week.monday));
    if (changed.length === 0) return;
    await manager.query(
      `UPDATE availability_week a SET capacity_hours = c.capacity
       FROM unnest($2::date[], $3::numeric[]) AS c(week_start, capacity)
       WHERE a.professional_id = $1 AND a.week_start = c.week_start`,
      [professional.id, changed.map((week) => formatDay(week.monday)), changed.map((week) => toHours(capacities.get(week.monday)!))],
    );
  }
}

function toLedgerWeek(row: LedgerRow): LedgerWeek {
  return { monday: parseDay(row.week_start), capacity: toCents(Number(row.capacity_hours)), booked: toCents(Number(row.booked_hours)) };
}
