import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatDay, today } from '@coop/contracts';
import { Transactions } from '@coop/platform';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { AssignmentRepository } from './assignment.repository.js';

const PAGE_SIZE = 500;
const LOCK_NAME = 'matching:booking-reconciler';

/**
 * Gives back capacity that no assignment holds. A booking is made before the assignment that
 * holds it commits: if that transaction then fails and the retried event books someone else, or a
 * coordinator's assignment fails and so does its release, the first booking would keep the
 * professional's hours forever. Every BOOKING_RECONCILE_MS the bookings still holding capacity and
 * older than BOOKING_RECONCILE_GRACE_MS (no transaction that made one still runs by then) are
 * compared with the assignments; those of no active or completed assignment are released. One
 * replica reconciles at a time.
 */
@Injectable()
export class BookingReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BookingReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly professionals: ProfessionalsPort,
    private readonly transactions: Transactions,
    private readonly assignments: AssignmentRepository,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.BOOKING_RECONCILE_MS > 0) this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  /**
   * One pass over the bookings, by one replica at a time (a transaction-scoped advisory lock; the
   * others skip it); resolves with the assignment ids whose bookings it released.
   */
  async reconcile(now: Date = new Date()): Promise<string[]> {
    return this.transactions.run(async (manager) => ((await this.transactions.tryLock(manager, LOCK_NAME)) ? this.releaseOrphans(manager, now) : []));
  }

  private async releaseOrphans(manager: EntityManager, now: Date): Promise<string[]> {
    const createdBefore = new Date(now.getTime() - this.config.BOOKING_RECONCILE_GRACE_MS).toISOString();
    const endingFrom = formatDay(today(this.config.TIME_ZONE, now));
    const released: string[] = [];
    let after: string | undefined;
    do {
      const page = await this.professionals.listBookings({ createdBefore, endingFrom, afterAssignmentId: after, limit: PAGE_SIZE });
      const held = await this.assignments.holdingBookings(manager, page.items.map((booking) => booking.assignmentId));
      for (const booking of page.items.filter((item) => !held.has(item.assignmentId))) {
        await this.professionals.release(booking.assignmentId);
        this.logger.warn({ msg: 'released a booking no assignment holds', assignmentId: booking.assignmentId, professionalId: booking.professionalId });
        released.push(booking.assignmentId);
      }
      after = page.nextAfter;
    } while (after && !this.stopped);
    return released;
  }

  private scheduleNext(): void {
    this.timer = setTimeout(() => {
      this.pass = this.reconcile()
        .catch((err: unknown) => this.logger.warn({ msg: 'booking reconciliation failed; will try again', err }))
        .finally(() => {
          this.pass = undefined;
          if (!this.stopped) this.scheduleNext();
        });
    }, this.config.BOOKING_RECONCILE_MS);
    this.timer.unref();
  }
}
