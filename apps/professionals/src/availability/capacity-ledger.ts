import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cents, Day, DomainException, ErrorCode, mondayOf, toCents, toHours, weekCapacity, weekLabel } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { LedgerRepository, type LedgerProfessional, type LedgerWeek } from './ledger.repository.js';

export type { LedgerProfessional, LedgerWeek } from './ledger.repository.js';

/**
 * The availability ledger (table availability_week) and the locks that keep it right under
 * concurrency. Lock order, always: the professional row (FOR SHARE to book, FOR UPDATE to change
 * capacity), then ledger weeks in ascending order. The table's CHECK refuses any overbooking that
 * slipped past the checks here.
 */
@Injectable()
export class CapacityLedger {
  constructor(private readonly ledger: LedgerRepository) {}

  /** The professional, locked FOR SHARE: bookings run side by side, a change of capacity waits for them. */
  async lockToBook(manager: EntityManager, id: string): Promise<LedgerProfessional> {
    return found(await this.ledger.lockToBook(manager, id), id);
  }

  /** The professional, locked FOR UPDATE: bookings and other changes wait for this one. */
  async lockToChange(manager: EntityManager, id: string): Promise<ProfessionalEntity> {
    return found(await this.ledger.lockToChange(manager, id), id);
  }

  /** The capacity each week would have now, from the weekly capacity and the time off on record. */
  async computedCapacities(manager: EntityManager, professional: LedgerProfessional, mondays: Day[]): Promise<Map<Day, Cents>> {
    if (mondays.length === 0) return new Map();
    return capacitiesOf(professional, mondays, await this.ledger.timeOff(manager, professional.id, Math.min(...mondays), Math.max(...mondays) + 6));
  }

  /**
   * Creates the ledger rows the weeks lack (at their computed capacity) and locks all of them, in
   * week order. Call with the professional locked.
   */
  async lockWeeks(manager: EntityManager, professional: LedgerProfessional, mondays: Day[]): Promise<Map<Day, LedgerWeek>> {
    const sorted = [...new Set(mondays)].sort((a, b) => a - b);
    if (sorted.length === 0) return new Map();
    const { missing, timeOff } = await this.ledger.missingWeeks(manager, professional.id, sorted);
    if (missing.length > 0) await this.ledger.createMissingWeeks(manager, professional.id, capacitiesOf(professional, missing, timeOff));
    const weeks = await this.ledger.lockWeeks(manager, professional.id, sorted);
    return new Map(weeks.map((week) => [week.monday, week]));
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
    if (changed.length > 0) await this.ledger.addBooked(manager, professionalId, changed);
  }

  /**
   * Recomputes the capacity of the ledger weeks from `from` on (to `to` when given) after a change
   * of weekly capacity or time off (already written in this transaction, professional locked for
   * update); refuses (409, naming the weeks) when one would fall below what is booked in it.
   */
  async recomputeCapacities(manager: EntityManager, professional: LedgerProfessional, change: string, from: Day, to?: Day): Promise<void> {
    const weeks = await this.ledger.lockWeeksBetween(manager, professional.id, mondayOf(from), to === undefined ? undefined : mondayOf(to));
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
    const changed = weeks.filter((week) => week.capacity !== capacities.get(week.monday)).map((week): [Day, Cents] => [week.monday, capacities.get(week.monday)!]);
    if (changed.length > 0) await this.ledger.setCapacities(manager, professional.id, changed);
  }
}

/** Each week's capacity from the weekly capacity, less the working days off in `timeOff` ([first, last] days). */
function capacitiesOf(professional: LedgerProfessional, mondays: Day[], timeOff: Array<[Day, Day]>): Map<Day, Cents> {
  const weekly = toCents(professional.weeklyCapacityHours);
  const isOff = (day: Day) => timeOff.some(([from, to]) => day >= from && day <= to);
  return new Map(mondays.map((monday) => [monday, weekCapacity(weekly, monday, isOff)]));
}

function found<Professional>(professional: Professional | null, id: string): Professional {
  if (!professional) throw DomainException.notFound('Professional', id);
  return professional;
}
