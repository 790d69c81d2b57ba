import type { BookingSummaryPage } from '@coop/contracts';
import { inlineTransactions, mockOf } from '@coop/platform/testing';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { AssignmentRepository } from './assignment.repository.js';
import { BookingReconciler } from './booking-reconciler.js';

const ORPHAN = '0b6f7e0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const HELD = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

/** A reconciler over fakes: `leader` is what the advisory lock answers; HELD is an active assignment. */
function reconcilerWith(leader: boolean) {
  const page: BookingSummaryPage = {
    items: [ORPHAN, HELD].map((assignmentId) => ({ assignmentId, professionalId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c', createdAt: '2026-11-01T00:00:00.000Z' })),
  };
  const professionals = mockOf<ProfessionalsPort>({ listBookings: async () => page, release: async () => undefined });
  const transactions = inlineTransactions();
  transactions.tryLock.mockResolvedValue(leader);
  const assignments = mockOf<AssignmentRepository>({ holdingBookings: async (_manager, ids) => new Set(ids.filter((id) => id === HELD)) });
  const reconciler = new BookingReconciler(professionals, transactions, assignments, new MatchingConfig());
  return { reconciler, listBookings: professionals.listBookings, release: professionals.release };
}

describe(BookingReconciler.name, () => {
  it('releases the bookings no assignment holds, and keeps the others', async () => {
    const { reconciler, release } = reconcilerWith(true);

    expect(await reconciler.reconcile()).toEqual([ORPHAN]);
    expect(release.mock.calls).toEqual([[ORPHAN]]);
  });

  it('leaves the pass to the replica that holds the lock', async () => {
    const { reconciler, listBookings, release } = reconcilerWith(false);

    expect(await reconciler.reconcile()).toEqual([]);
    expect(listBookings).not.toHaveBeenCalled();
    expect(release).not.toHaveBeenCalled();
  });
});
