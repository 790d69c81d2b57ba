import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { toCents, type RequestBooking } from '@coop/contracts';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { AssignmentEntity } from './assignment.entity.js';

/** The terms an assignment books: over which window, for how many hours. */
export interface BookingTerms {
  startDate: string;
  endDate: string;
  hours: number;
}

/**
 * What earlier attempts at assigning a request booked and left without an assignment. A booking is
 * made before the assignment that holds it commits, so an attempt that died in between (matching,
 * professionals or Postgres gone, a transaction aborted) leaves a booking that no assignment holds,
 * and the retry would see that professional busy with its own hours. A retry settles them first,
 * with the request row locked: it adopts the one it would book again anyway and releases the rest.
 */
@Injectable()
export class EarlierAttempts {
  private readonly logger = new Logger(EarlierAttempts.name);

  constructor(private readonly professionals: ProfessionalsPort) {}

  /**
   * Releases every booking of the request that no assignment holds, except the oldest one
   * `adoptable` accepts, which it returns for the caller to hold.
   */
  async settle(manager: EntityManager, requestId: string, adoptable: (booking: RequestBooking) => boolean = () => false): Promise<RequestBooking | undefined> {
    const orphans = await this.orphansOf(manager, requestId);
    const adopted = orphans.find(adoptable);
    await this.releaseAllBut(requestId, orphans, adopted ? [adopted] : []);
    return adopted;
  }

  /**
   * For a shared request: releases every booking no assignment holds, except, for each
   * professional, the oldest one `adoptable` accepts; those are returned for the caller to hold.
   */
  async settleParts(manager: EntityManager, requestId: string, adoptable: (booking: RequestBooking) => boolean): Promise<Map<string, RequestBooking>> {
    const orphans = await this.orphansOf(manager, requestId);
    const adopted = new Map<string, RequestBooking>();
    for (const orphan of orphans) if (!adopted.has(orphan.professionalId) && adoptable(orphan)) adopted.set(orphan.professionalId, orphan);
    await this.releaseAllBut(requestId, orphans, [...adopted.values()]);
    return adopted;
  }

  private async releaseAllBut(requestId: string, orphans: RequestBooking[], adopted: RequestBooking[]): Promise<void> {
    for (const orphan of orphans) {
      if (adopted.includes(orphan)) continue;
      await this.professionals.release(orphan.assignmentId);
      this.logger.warn({ msg: 'released what an earlier attempt booked', requestId, assignmentId: orphan.assignmentId, professionalId: orphan.professionalId });
    }
    for (const booking of adopted) {
      this.logger.warn({ msg: 'adopting what an earlier attempt booked', requestId, assignmentId: booking.assignmentId, professionalId: booking.professionalId });
    }
  }

  /**
   * Bookings whose assignment was never saved. One whose assignment exists but has ended (declined,
   * replaced, cancelled) is not an orphan: the event that ended it gives it back, and adopting it
   * meanwhile would hand a new assignment hours that are about to be released.
   */
  private async orphansOf(manager: EntityManager, requestId: string): Promise<RequestBooking[]> {
    const bookings = await this.professionals.bookingsOfRequest(requestId);
    if (bookings.length === 0) return [];
    const held = await manager.find(AssignmentEntity, {
      where: { id: In(bookings.map((booking) => booking.assignmentId)) },
      select: { id: true },
    });
    const heldIds = new Set(held.map((assignment) => assignment.id));
    return bookings.filter((booking) => !heldIds.has(booking.assignmentId));
  }
}

export function hasTerms(booking: RequestBooking, terms: BookingTerms): boolean {
  return (
    booking.startDate === terms.startDate &&
    booking.endDate === terms.endDate &&
    toCents(booking.hours) === toCents(terms.hours)
  );
}
