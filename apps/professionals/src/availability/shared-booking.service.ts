import { Injectable } from '@nestjs/common';
import type { ReserveSharedRequest, SharedBookingView } from '@coop/contracts';
import { Transactions } from '@coop/platform';
import { BookingService } from './booking.service.js';

/**
 * A request shared between professionals books all its parts in one transaction: one part that
 * does not fit (or an inactive professional) refuses them all, so no part is ever held without the
 * others. Professionals are locked in id order, each with its weeks in week order, so two shared
 * reservations over the same people queue up instead of deadlocking.
 */
@Injectable()
export class SharedBookingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bookings: BookingService,
  ) {}

  async reserve(request: ReserveSharedRequest): Promise<SharedBookingView> {
    const inLockOrder = [...request.bookings].sort((a, b) => (a.professionalId < b.professionalId ? -1 : a.professionalId > b.professionalId ? 1 : 0));
    const booked = await this.transactions.run(async (manager) => {
      const views = [];
      for (const booking of inLockOrder) views.push(await this.bookings.reserveWithin(manager, booking));
      return views;
    });
    const byAssignment = new Map(booked.map((view) => [view.assignmentId, view]));
    return { items: request.bookings.map((booking) => byAssignment.get(booking.assignmentId)!) };
  }
}
