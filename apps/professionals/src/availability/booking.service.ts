import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BookingSummaryPage,
  BookingView,
  Cents,
  Day,
  DomainException,
  EndBookingRequest,
  EndBookingResult,
  ErrorCode,
  formatDay,
  ListBookingsRequest,
  mondayOf,
  parseDay,
  ReleaseResult,
  RequestBookings,
  ReserveRequest,
  ResizeRequest,
  spreadByWeek,
  toCents,
  toHours,
  weekLabel,
} from '@coop/contracts';
import { ProfessionalChanges } from '../professional/professional-changes.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { BookingEntity, BookingWeekEntity } from './booking.entity.js';
import { CapacityLedger } from './capacity-ledger.js';

/**
 * Bookings for the matching service. Each runs in one transaction that locks the professional,
 * then the ledger weeks in order, so concurrent bookings of one professional queue up instead of
 * overbooking; the ledger's CHECK is the last word.
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: CapacityLedger,
    private readonly changes: ProfessionalChanges,
  ) {}

  async reserve(request: ReserveRequest): Promise<BookingView> {
    const existing = await this.find(this.dataSource.manager, request.assignmentId);
    if (existing) return sameTermsOrConflict(existing, request);
    return this.dataSource.transaction(async (manager) => {
      const professional = await this.ledger.lockProfessional(manager, request.professionalId, 'share');
      if (!professional.active) {
        throw new DomainException(ErrorCode.Conflict, `Professional ${professional.id} is inactive and cannot be booked`);
      }
      const [start, end] = [parseDay(request.startDate), parseDay(request.endDate)];
      const parts = positiveParts(spreadByWeek(toCents(request.hours), start, end));
      if (request.hours > 0 && parts.size === 0) {
        throw DomainException.validation([{ field: 'endDate', message: 'the window from startDate to endDate has no working day (Monday to Friday)' }]);
      }
      const inserted: Array<{ created_at: Date }> = await manager.query(
        `INSERT INTO booking (assignment_id, professional_id, request_id, start_date, end_date, hours) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (assignment_id) DO NOTHING RETURNING created_at`,
        [request.assignmentId, professional.id, request.requestId ?? null, request.startDate, request.endDate, request.hours],
      );
      if (inserted.length === 0) {
        // The same assignment was booked concurrently and committed first.
        return sameTermsOrConflict((await this.find(manager, request.assignmentId))!, request);
      }
      const weeks = await this.ledger.lockWeeks(manager, professional, [...parts.keys()]);
      await this.ledger.addBooked(manager, professional.id, weeks, parts);
      await this.saveParts(manager, request.assignmentId, parts);
      // No re-indexing: a booking only takes hours, and the index, a pre-filter, may hold more free
      // hours than there are, never fewer (see ProfessionalChanges).
      return toBookingView({ ...request, createdAt: inserted[0].created_at }, parts);
    });
  }

  /**
   * Ends a booking early, the work being done: the hours of the weeks after `endDate`'s week are
   * given back; earlier weeks keep theirs (no week ever gets more). Idempotent.
   */
  async end(request: EndBookingRequest): Promise<EndBookingResult> {
    return this.dataSource.transaction(async (manager) => {
      const unlocked = await manager.findOneBy(BookingEntity, { assignmentId: request.assignmentId });
      if (!unlocked) return { assignmentId: request.assignmentId, found: false, hours: 0, releasedHours: 0 };
      // Same lock order as reserve: the professional first, then the booking, then its weeks.
      const professional = await this.ledger.lockProfessional(manager, unlocked.professionalId, 'share');
      const booking = await this.lockBooking(manager, request.assignmentId);
      if (!booking) return { assignmentId: request.assignmentId, found: false, hours: 0, releasedHours: 0 };
      const lastMonday = mondayOf(parseDay(request.endDate));
      const parts = await this.partsOf(manager, request.assignmentId);
      const after = new Map([...parts].filter(([monday]) => monday > lastMonday));
      const kept = [...parts].filter(([monday]) => monday <= lastMonday).reduce((sum, [, cents]) => sum + cents, 0);
      if (after.size > 0) {
        const weeks = await this.ledger.lockWeeks(manager, professional, [...after.keys()]);
        await this.ledger.addBooked(manager, professional.id, weeks, negate(after));
        await manager.query('DELETE FROM booking_week WHERE assignment_id = $1 AND week_start > $2::date', [request.assignmentId, formatDay(lastMonday)]);
        const endDate = request.endDate < booking.startDate ? booking.startDate : request.endDate < booking.endDate ? request.endDate : booking.endDate;
        await manager.update(BookingEntity, { assignmentId: request.assignmentId }, { hours: toHours(kept), endDate });
        await this.changes.record(manager, [professional.id]);
      }
      const released = [...after.values()].reduce((sum, cents) => sum + cents, 0);
      return { assignmentId: request.assignmentId, found: true, hours: toHours(kept), releasedHours: toHours(released) };
    });
  }

  /** Bookings still holding capacity, made before a time, a page at a time (for reconciliation). */
  async list(request: ListBookingsRequest): Promise<BookingSummaryPage> {
    const rows = await this.dataSource.query<Array<{ assignment_id: string; professional_id: string; created_at: Date }>>(
      `SELECT assignment_id, professional_id, created_at FROM booking
       WHERE created_at < $1 AND end_date >= $2 AND ($3::uuid IS NULL OR assignment_id > $3::uuid)
       ORDER BY assignment_id LIMIT $4`,
      [request.createdBefore, request.endingFrom, request.afterAssignmentId ?? null, request.limit + 1],
    );
    const page = rows.slice(0, request.limit);
    return {
      items: page.map((row) => ({ assignmentId: row.assignment_id, professionalId: row.professional_id, createdAt: row.created_at.toISOString() })),
      ...(rows.length > request.limit ? { nextAfter: page[page.length - 1].assignment_id } : {}),
    };
  }

  /** Every booking that names this request, oldest first. */
  async ofRequest(requestId: string): Promise<RequestBookings> {
    const rows = await this.dataSource.manager.find(BookingEntity, { where: { requestId }, order: { createdAt: 'ASC', assignmentId: 'ASC' } });
    return {
      items: rows.map((row) => ({
        assignmentId: row.assignmentId,
        professionalId: row.professionalId,
        startDate: row.startDate,
        endDate: row.endDate,
        hours: row.hours,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }

  /** Gives the booking's hours back. Idempotent: releasing an unknown or released assignment says so. */
  async release(assignmentId: string): Promise<ReleaseResult> {
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.lockBooking(manager, assignmentId);
      if (!booking) return { assignmentId, released: false };
      const parts = await this.partsOf(manager, assignmentId);
      const weeks = await this.ledger.lockWeeks(manager, await this.professionalOf(manager, booking), [...parts.keys()]);
      await this.ledger.addBooked(manager, booking.professionalId, weeks, negate(parts));
      await manager.delete(BookingEntity, { assignmentId });
      await this.changes.record(manager, [booking.professionalId]);
      return { assignmentId, released: true };
    });
  }

  /** Changes the hours of a booking over the same window; growing is refused if a week would overbook. */
  async resize(request: ResizeRequest): Promise<BookingView> {
    return this.dataSource.transaction(async (manager) => {
      const unlocked = await manager.findOneBy(BookingEntity, { assignmentId: request.assignmentId });
      if (!unlocked) throw DomainException.notFound('Booking for assignment', request.assignmentId);
      // Same lock order as reserve: the professional first, then the booking, then its weeks.
      const professional = await this.ledger.lockProfessional(manager, unlocked.professionalId, 'share');
      const booking = (await this.lockBooking(manager, request.assignmentId))!;
      if (request.hours > booking.hours && !professional.active) {
        throw new DomainException(ErrorCode.Conflict, `Professional ${professional.id} is inactive: the booking can shrink but not grow`);
      }
      const [start, end] = [parseDay(booking.startDate), parseDay(booking.endDate)];
      const next = positiveParts(spreadByWeek(toCents(request.hours), start, end));
      if (request.hours > 0 && next.size === 0) {
        throw DomainException.validation([{ field: 'hours', message: 'the booking window has no working day to spread hours over' }]);
      }
      const previous = await this.partsOf(manager, request.assignmentId);
      const delta = new Map<Day, Cents>();
      for (const monday of new Set([...previous.keys(), ...next.keys()])) delta.set(monday, (next.get(monday) ?? 0) - (previous.get(monday) ?? 0));
      const weeks = await this.ledger.lockWeeks(manager, professional, [...delta.keys()]);
      await this.ledger.addBooked(manager, professional.id, weeks, delta);
      await manager.delete(BookingWeekEntity, { assignmentId: request.assignmentId });
      await this.saveParts(manager, request.assignmentId, next);
      await manager.update(BookingEntity, { assignmentId: request.assignmentId }, { hours: request.hours });
      // Only hours given back can make someone free that the index does not show as free.
      if ([...delta.values()].some((cents) => cents < 0)) await this.changes.record(manager, [professional.id]);
      return toBookingView({ ...booking, hours: request.hours }, next);
    });
  }

  private async find(manager: EntityManager, assignmentId: string): Promise<BookingView | undefined> {
    const booking = await manager.findOneBy(BookingEntity, { assignmentId });
    return booking ? toBookingView(booking, await this.partsOf(manager, assignmentId)) : undefined;
  }

  private async lockBooking(manager: EntityManager, assignmentId: string): Promise<BookingEntity | null> {
    return manager.getRepository(BookingEntity).createQueryBuilder('b').setLock('pessimistic_write').where('b.assignment_id = :assignmentId', { assignmentId }).getOne();
  }

  private async professionalOf(manager: EntityManager, booking: BookingEntity): Promise<ProfessionalEntity> {
    return manager.findOneByOrFail(ProfessionalEntity, { id: booking.professionalId });
  }

  /** The booking's hours per week, in week order. */
  private async partsOf(manager: EntityManager, assignmentId: string): Promise<Map<Day, Cents>> {
    const rows: Array<{ week_start: string; hours: string }> = await manager.query(
      'SELECT week_start::text, hours FROM booking_week WHERE assignment_id = $1 ORDER BY week_start',
      [assignmentId],
    );
    return new Map(rows.map((row) => [parseDay(row.week_start), toCents(Number(row.hours))]));
  }

  private async saveParts(manager: EntityManager, assignmentId: string, parts: Map<Day, Cents>): Promise<void> {
    if (parts.size === 0) return;
    await manager.insert(
      BookingWeekEntity,
      [...parts].map(([monday, cents]) => ({ assignmentId, weekStart: formatDay(monday), hours: toHours(cents) })),
    );
  }
}

function sameTermsOrConflict(existing: BookingView, request: ReserveRequest): BookingView {
  const same =
    existing.professionalId === request.professionalId &&
    existing.startDate === request.startDate &&
    existing.endDate === request.endDate &&
    toCents(existing.hours) === toCents(request.hours);
  if (same) return existing;
  throw new DomainException(
    ErrorCode.Conflict,
    `Assignment ${request.assignmentId} is already booked with other terms (${existing.professionalId}, ${existing.startDate} to ${existing.endDate}, ${existing.hours} h); release or resize it instead`,
  );
}

type BookingRow = Pick<BookingEntity, 'assignmentId' | 'professionalId' | 'startDate' | 'endDate' | 'hours' | 'createdAt'>;

/** A booking and its hours per week (in week order), as the API shows them. */
function toBookingView(booking: BookingRow, parts: Map<Day, Cents>): BookingView {
  return {
    assignmentId: booking.assignmentId,
    professionalId: booking.professionalId,
    startDate: booking.startDate,
    endDate: booking.endDate,
    hours: booking.hours,
    weeks: [...parts]
      .sort(([a], [b]) => a - b)
      .map(([monday, cents]) => ({ week: weekLabel(monday), weekStart: formatDay(monday), hours: toHours(cents) })),
    createdAt: booking.createdAt.toISOString(),
  };
}

function positiveParts(parts: Map<Day, Cents>): Map<Day, Cents> {
  return new Map([...parts].filter(([, cents]) => cents > 0));
}

function negate(parts: Map<Day, Cents>): Map<Day, Cents> {
  return new Map([...parts].map(([monday, cents]) => [monday, -cents]));
}
