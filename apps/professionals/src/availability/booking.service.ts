import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { Transactions } from '@coop/platform';
import { ProfessionalChanges } from '../search/professional-changes.js';
import type { BookingEntity } from './booking.entity.js';
import { BookingRepository } from './booking.repository.js';
import { CapacityLedger } from './capacity-ledger.js';

/**
 * Bookings for the matching service. Each runs in one transaction that locks the professional,
 * then the ledger weeks in order, so concurrent bookings of one professional queue up instead of
 * overbooking; the ledger's CHECK is the last word.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bookings: BookingRepository,
    private readonly ledger: CapacityLedger,
    private readonly changes: ProfessionalChanges,
  ) {}

  async reserve(request: ReserveRequest): Promise<BookingView> {
    return this.transactions.run((manager) => this.reserveWithin(manager, request));
  }

  /**
   * Books within the caller's transaction (several bookings that stand or fall together): the
   * professional locked, then its weeks in order. A booking of this assignment with the same terms
   * is returned as it is (a repeat, or the same booking made concurrently), even if the
   * professional became inactive since.
   */
  async reserveWithin(manager: EntityManager, request: ReserveRequest): Promise<BookingView> {
    const professional = await this.ledger.lockToBook(manager, request.professionalId);
    const [start, end] = [parseDay(request.startDate), parseDay(request.endDate)];
    const parts = positiveParts(spreadByWeek(toCents(request.hours), start, end));
    if (request.hours > 0 && parts.size === 0) {
      throw DomainException.validation([{ field: 'endDate', message: 'the window from startDate to endDate has no working day (Monday to Friday)' }]);
    }
    const booking = { assignmentId: request.assignmentId, professionalId: professional.id, requestId: request.requestId ?? null, startDate: request.startDate, endDate: request.endDate, hours: request.hours };
    const createdAt = await this.bookings.insert(manager, booking, parts);
    if (!createdAt) return sameTermsOrConflict((await this.find(manager, request.assignmentId))!, request);
    if (!professional.active) {
      throw new DomainException(ErrorCode.Conflict, `Professional ${professional.id} is inactive and cannot be booked`);
    }
    const weeks = await this.ledger.lockWeeks(manager, professional, [...parts.keys()]);
    await this.ledger.addBooked(manager, professional.id, weeks, parts);
    // No re-indexing: a booking only takes hours, and the index, a pre-filter, may hold more free
    // hours than there are, never fewer (see ProfessionalChanges).
    return toBookingView({ ...request, createdAt }, parts);
  }

  /**
   * Ends a booking early, the work being done: the hours of the weeks after `endDate`'s week are
   * given back; earlier weeks keep theirs (no week ever gets more). Idempotent.
   */
  async end(request: EndBookingRequest): Promise<EndBookingResult> {
    return this.transactions.run(async (manager) => {
      const unlocked = await this.bookings.find(request.assignmentId, manager);
      if (!unlocked) return { assignmentId: request.assignmentId, found: false, hours: 0, releasedHours: 0 };
      // Same lock order as reserve: the professional first, then the booking, then its weeks.
      const professional = await this.ledger.lockToBook(manager, unlocked.professionalId);
      const booking = await this.bookings.lock(manager, request.assignmentId);
      if (!booking) return { assignmentId: request.assignmentId, found: false, hours: 0, releasedHours: 0 };
      const lastMonday = mondayOf(parseDay(request.endDate));
      const parts = await this.bookings.parts(manager, request.assignmentId);
      const after = new Map([...parts].filter(([monday]) => monday > lastMonday));
      const kept = [...parts].filter(([monday]) => monday <= lastMonday).reduce((sum, [, cents]) => sum + cents, 0);
      if (after.size > 0) {
        const weeks = await this.ledger.lockWeeks(manager, professional, [...after.keys()]);
        await this.ledger.addBooked(manager, professional.id, weeks, negate(after));
        await this.bookings.deleteParts(manager, request.assignmentId, lastMonday);
        const endDate = request.endDate < booking.startDate ? booking.startDate : request.endDate < booking.endDate ? request.endDate : booking.endDate;
        await this.bookings.update(manager, request.assignmentId, { hours: toHours(kept), endDate });
        await this.changes.record(manager, [professional.id]);
      }
      const released = [...after.values()].reduce((sum, cents) => sum + cents, 0);
      return { assignmentId: request.assignmentId, found: true, hours: toHours(kept), releasedHours: toHours(released) };
    });
  }

  /** Bookings still holding capacity, made before a time, a page at a time (for reconciliation). */
  async list(request: ListBookingsRequest): Promise<BookingSummaryPage> {
    const rows = await this.bookings.holding({ createdBefore: request.createdBefore, endingFrom: request.endingFrom, after: request.afterAssignmentId, limit: request.limit + 1 });
    const page = rows.slice(0, request.limit);
    return {
      items: page.map((row) => ({ assignmentId: row.assignmentId, professionalId: row.professionalId, createdAt: row.createdAt.toISOString() })),
      ...(rows.length > request.limit ? { nextAfter: page[page.length - 1].assignmentId } : {}),
    };
  }

  /** Every booking that names this request, oldest first. */
  async ofRequest(requestId: string): Promise<RequestBookings> {
    const rows = await this.bookings.ofRequest(requestId);
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
    return this.transactions.run(async (manager) => {
      const booking = await this.bookings.lock(manager, assignmentId);
      if (!booking) return { assignmentId, released: false };
      const parts = await this.bookings.parts(manager, assignmentId);
      const weeks = await this.ledger.lockWeeks(manager, await this.bookings.professional(manager, booking.professionalId), [...parts.keys()]);
      await this.ledger.addBooked(manager, booking.professionalId, weeks, negate(parts));
      await this.bookings.delete(manager, assignmentId);
      await this.changes.record(manager, [booking.professionalId]);
      return { assignmentId, released: true };
    });
  }

  /** Changes the hours of a booking over the same window; growing is refused if a week would overbook. */
  async resize(request: ResizeRequest): Promise<BookingView> {
    return this.transactions.run(async (manager) => {
      const unlocked = await this.bookings.find(request.assignmentId, manager);
      if (!unlocked) throw DomainException.notFound('Booking for assignment', request.assignmentId);
      // Same lock order as reserve: the professional first, then the booking, then its weeks.
      const professional = await this.ledger.lockToBook(manager, unlocked.professionalId);
      const booking = (await this.bookings.lock(manager, request.assignmentId))!;
      if (request.hours > booking.hours && !professional.active) {
        throw new DomainException(ErrorCode.Conflict, `Professional ${professional.id} is inactive: the booking can shrink but not grow`);
      }
      const [start, end] = [parseDay(booking.startDate), parseDay(booking.endDate)];
      const next = positiveParts(spreadByWeek(toCents(request.hours), start, end));
      if (request.hours > 0 && next.size === 0) {
        throw DomainException.validation([{ field: 'hours', message: 'the booking window has no working day to spread hours over' }]);
      }
      const previous = await this.bookings.parts(manager, request.assignmentId);
      const delta = new Map<Day, Cents>();
      for (const monday of new Set([...previous.keys(), ...next.keys()])) delta.set(monday, (next.get(monday) ?? 0) - (previous.get(monday) ?? 0));
      const weeks = await this.ledger.lockWeeks(manager, professional, [...delta.keys()]);
      await this.ledger.addBooked(manager, professional.id, weeks, delta);
      await this.bookings.deleteParts(manager, request.assignmentId);
      await this.bookings.saveParts(manager, request.assignmentId, next);
      await this.bookings.update(manager, request.assignmentId, { hours: request.hours });
      // Only hours given back can make someone free that the index does not show as free.
      if ([...delta.values()].some((cents) => cents < 0)) await this.changes.record(manager, [professional.id]);
      return toBookingView({ ...booking, hours: request.hours }, next);
    });
  }

  private async find(manager: EntityManager, assignmentId: string): Promise<BookingView | undefined> {
    const booking = await this.bookings.find(assignmentId, manager);
    return booking ? toBookingView(booking, await this.bookings.parts(manager, assignmentId)) : undefined;
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
