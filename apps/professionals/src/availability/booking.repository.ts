import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Cents, Day, formatDay, parseDay, toCents, toHours } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { BookingEntity, BookingWeekEntity } from './booking.entity.js';

export type NewBooking = Pick<BookingEntity, 'assignmentId' | 'professionalId' | 'requestId' | 'startDate' | 'endDate' | 'hours'>;

/** A booking still holding capacity, for reconciliation. */
export interface HoldingBooking {
  assignmentId: string;
  professionalId: string;
  createdAt: Date;
}

/** The SQL of bookings (tables booking, booking_week); the rules are BookingService's. */
@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside a transaction unless given one. */
  find(assignmentId: string, manager: EntityManager = this.dataSource.manager): Promise<BookingEntity | null> {
    return manager.findOneBy(BookingEntity, { assignmentId });
  }

  /** The booking, locked for the rest of the transaction. */
  lock(manager: EntityManager, assignmentId: string): Promise<BookingEntity | null> {
    return manager.getRepository(BookingEntity).createQueryBuilder('b').setLock('pessimistic_write').where('b.assignment_id = :assignmentId', { assignmentId }).getOne();
  }

  /**
   * Inserts the booking with its hours per week, in one statement; its creation time, or undefined
   * when the assignment is booked already (then nothing is written).
   */
  async insert(manager: EntityManager, booking: NewBooking, parts: Map<Day, Cents>): Promise<Date | undefined> {
    const inserted: Array<{ created_at: Date }> = await manager.query(
      `WITH booked AS (
         INSERT INTO booking (assignment_id, professional_id, request_id, start_date, end_date, hours) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (assignment_id) DO NOTHING RETURNING assignment_id, created_at),
       weeks AS (
         INSERT INTO booking_week (assignment_id, week_start, hours)
         SELECT booked.assignment_id, w.week_start, w.hours FROM booked, unnest($7::date[], $8::numeric[]) AS w(week_start, hours))
       SELECT created_at FROM booked`,
      [
        booking.assignmentId,
        booking.professionalId,
        booking.requestId,
        booking.startDate,
        booking.endDate,
        booking.hours,
        [...parts.keys()].map(formatDay),
        [...parts.values()].map(toHours),
      ],
    );
    return inserted[0]?.created_at;
  }

  async update(manager: EntityManager, assignmentId: string, fields: Partial<Pick<BookingEntity, 'hours' | 'endDate'>>): Promise<void> {
    await manager.update(BookingEntity, { assignmentId }, fields);
  }

  async delete(manager: EntityManager, assignmentId: string): Promise<void> {
    await manager.delete(BookingEntity, { assignmentId });
  }

  /** The booking's hours per week, in week order. */
  async parts(manager: EntityManager, assignmentId: string): Promise<Map<Day, Cents>> {
    const rows: Array<{ week_start: string; hours: string }> = await manager.query(
      'SELECT week_start::text, hours FROM booking_week WHERE assignment_id = $1 ORDER BY week_start',
      [assignmentId],
    );
    return new Map(rows.map((row) => [parseDay(row.week_start), toCents(Number(row.hours))]));
  }

  async saveParts(manager: EntityManager, assignmentId: string, parts: Map<Day, Cents>): Promise<void> {
    if (parts.size === 0) return;
    await manager.query('INSERT INTO booking_week (assignment_id, week_start, hours) SELECT $1, w.week_start, w.hours FROM unnest($2::date[], $3::numeric[]) AS w(week_start, hours)', [
      assignmentId,
      [...parts.keys()].map(formatDay),
      [...parts.values()].map(toHours),
    ]);
  }

  /** Deletes the booking's weeks, or those after `afterMonday`'s week when given. */
  async deleteParts(manager: EntityManager, assignmentId: string, afterMonday?: Day): Promise<void> {
    if (afterMonday === undefined) await manager.delete(BookingWeekEntity, { assignmentId });
    else await manager.query('DELETE FROM booking_week WHERE assignment_id = $1 AND week_start > $2::date', [assignmentId, formatDay(afterMonday)]);
  }

  professional(manager: EntityManager, id: string): Promise<ProfessionalEntity> {
    return manager.findOneByOrFail(ProfessionalEntity, { id });
  }

  /** Bookings made before `createdBefore` that still hold capacity on or after `endingFrom`, by assignment id, from after `after`. */
  async holding(query: { createdBefore: string; endingFrom: string; after?: string; limit: number }): Promise<HoldingBooking[]> {
    const rows = await this.dataSource.query<Array<{ assignment_id: string; professional_id: string; created_at: Date }>>(
      `SELECT assignment_id, professional_id, created_at FROM booking
       WHERE created_at < $1 AND end_date >= $2 AND ($3::uuid IS NULL OR assignment_id > $3::uuid)
       ORDER BY assignment_id LIMIT $4`,
      [query.createdBefore, query.endingFrom, query.after ?? null, query.limit],
    );
    return rows.map((row) => ({ assignmentId: row.assignment_id, professionalId: row.professional_id, createdAt: row.created_at }));
  }

  /** Every booking that names this request, oldest first. */
  ofRequest(requestId: string): Promise<BookingEntity[]> {
    return this.dataSource.manager.find(BookingEntity, { where: { requestId }, order: { createdAt: 'ASC', assignmentId: 'ASC' } });
  }
}
