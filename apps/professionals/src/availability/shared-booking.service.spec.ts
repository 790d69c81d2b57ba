import { DomainException, ErrorCode, type ReserveRequest } from '@coop/contracts';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import { BookingService } from './booking.service.js';
import { SharedBookingService } from './shared-booking.service.js';

const window = { requestId: 'c0000000-0000-4000-8000-000000000003', startDate: '2027-03-08', endDate: '2027-03-19' };
const second: ReserveRequest = { assignmentId: 'a0000000-0000-4000-8000-000000000001', professionalId: 'b0000000-0000-4000-8000-000000000009', hours: 12, ...window };
const first: ReserveRequest = { assignmentId: 'a0000000-0000-4000-8000-000000000002', professionalId: 'b0000000-0000-4000-8000-000000000001', hours: 8, ...window };

function setUp(refuse?: string) {
  const manager = mockManager();
  const transactions = inlineTransactions(manager);
  const bookings = mockOf<BookingService>({
    reserveWithin: async (_manager, request) => {
      if (request.professionalId === refuse) throw new DomainException(ErrorCode.CapacityExceeded, '2027-W10 needs 6 h but has 2 h free');
      return { ...request, weeks: [], createdAt: '2026-11-02T14:00:00.000Z' };
    },
  });
  return { sut: new SharedBookingService(transactions, bookings), transactions, bookings, manager };
}

describe(SharedBookingService.name, () => {
  it('books every part in one transaction, professionals in id order, and answers in the order asked', async () => {
    const { sut, transactions, bookings, manager } = setUp();

    const booked = await sut.reserve({ bookings: [second, first] });

    expect(transactions.run).toHaveBeenCalledTimes(1);
    expect(bookings.reserveWithin.mock.calls.map(([used, request]) => [used, request.professionalId])).toEqual([
      [manager, first.professionalId],
      [manager, second.professionalId],
    ]);
    expect(booked.items.map((item) => item.assignmentId)).toEqual([second.assignmentId, first.assignmentId]);
  });

  it('fails as a whole when one part does not fit (the transaction books none)', async () => {
    const { sut } = setUp(second.professionalId);

    await expect(sut.reserve({ bookings: [second, first] })).rejects.toMatchObject({ code: ErrorCode.CapacityExceeded });
  });
});
