import { type Cents, type Day, ErrorCode, parseDay, type ReserveRequest, toCents } from '@coop/contracts';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { ProfessionalChanges } from '../search/professional-changes.js';
import { BookingEntity } from './booking.entity.js';
import { BookingRepository } from './booking.repository.js';
import { BookingService } from './booking.service.js';
import { CapacityLedger } from './capacity-ledger.js';
import type { LedgerWeek } from './ledger.repository.js';

const ASSIGNMENT = 'a0000000-0000-4000-8000-000000000001';
const PROFESSIONAL = 'b0000000-0000-4000-8000-000000000002';
const W10 = parseDay('2027-03-08');
const W11 = parseDay('2027-03-15');
const CREATED = new Date('2026-11-02T14:00:00.000Z');

/** 20 h over two full working weeks: 10 h in each. */
const reserve: ReserveRequest = { assignmentId: ASSIGNMENT, professionalId: PROFESSIONAL, requestId: 'c0000000-0000-4000-8000-000000000003', startDate: '2027-03-08', endDate: '2027-03-19', hours: 20 };

const byWeek = (...entries: Array<[Day, number]>): Map<Day, Cents> => new Map(entries.map(([monday, hours]) => [monday, toCents(hours)]));

function booking(overrides: Partial<BookingEntity> = {}): BookingEntity {
  return Object.assign(new BookingEntity(), { assignmentId: ASSIGNMENT, professionalId: PROFESSIONAL, requestId: reserve.requestId, startDate: reserve.startDate, endDate: reserve.endDate, hours: 20, createdAt: CREATED, ...overrides });
}

/** A booking service over fakes: `stored` is the booking already there (and its weeks), `active` the professional's state. */
function setUp({ stored, parts = byWeek([W10, 10], [W11, 10]), active = true }: { stored?: BookingEntity; parts?: Map<Day, Cents>; active?: boolean } = {}) {
  const manager = mockManager();
  const professional = Object.assign(new ProfessionalEntity(), { id: PROFESSIONAL, weeklyCapacityHours: 35, active });
  const bookings = mockOf<BookingRepository>({
    find: async () => stored ?? null,
    lock: async () => stored ?? null,
    // The insert finds the booking there when there is one (ON CONFLICT DO NOTHING).
    insert: async () => (stored ? undefined : CREATED),
    parts: async () => (stored ? parts : new Map()),
    saveParts: async () => undefined,
    deleteParts: async () => undefined,
    update: async () => undefined,
    delete: async () => undefined,
    professional: async () => professional,
  });
  const weeks = new Map<Day, LedgerWeek>();
  const ledger = mockOf<CapacityLedger>({
    lockToBook: async () => professional,
    lockWeeks: async () => weeks,
    addBooked: async () => undefined,
  });
  const changes = mockOf<ProfessionalChanges>({ record: async () => undefined });
  const sut = new BookingService(inlineTransactions(manager), bookings, ledger, changes);
  return { sut, bookings, ledger, changes, manager, weeks };
}

describe(BookingService.name, () => {
  describe('reserve', () => {
    it("books the hours spread over the window's working weeks, without re-indexing the professional (the index may show more free hours, never fewer)", async () => {
      const { sut, bookings, ledger, changes, manager, weeks } = setUp();

      const view = await sut.reserve(reserve);

      expect(bookings.insert).toHaveBeenCalledWith(manager, expect.objectContaining({ assignmentId: ASSIGNMENT, professionalId: PROFESSIONAL, hours: 20 }), byWeek([W10, 10], [W11, 10]));
      expect(ledger.lockWeeks).toHaveBeenCalledWith(manager, expect.objectContaining({ id: PROFESSIONAL }), [W10, W11]);
      expect(ledger.addBooked).toHaveBeenCalledWith(manager, PROFESSIONAL, weeks, byWeek([W10, 10], [W11, 10]));
      expect(changes.record).not.toHaveBeenCalled();
      expect(view.weeks).toEqual([
        { week: '2027-W10', weekStart: '2027-03-08', hours: 10 },
        { week: '2027-W11', weekStart: '2027-03-15', hours: 10 },
      ]);
    });

    it('answers the booking again for the same assignment and terms, booking nothing more', async () => {
      const { sut, ledger } = setUp({ stored: booking() });

      expect(await sut.reserve(reserve)).toMatchObject({ assignmentId: ASSIGNMENT, hours: 20 });
      expect(ledger.lockWeeks).not.toHaveBeenCalled();
      expect(ledger.addBooked).not.toHaveBeenCalled();
    });

    it('refuses the same assignment with other terms', async () => {
      const { sut } = setUp({ stored: booking() });

      await expect(sut.reserve({ ...reserve, hours: 25 })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    });

    it('refuses an inactive professional, booking no hours (the transaction, booking row included, is rolled back)', async () => {
      const { sut, ledger } = setUp({ active: false });

      await expect(sut.reserve(reserve)).rejects.toMatchObject({ code: ErrorCode.Conflict });
      expect(ledger.addBooked).not.toHaveBeenCalled();
    });

    it('answers a repeat of a booking made before the professional became inactive', async () => {
      const { sut } = setUp({ stored: booking(), active: false });

      expect(await sut.reserve(reserve)).toMatchObject({ assignmentId: ASSIGNMENT, hours: 20 });
    });

    it('refuses a window without a working day, naming endDate', async () => {
      const { sut } = setUp();

      await expect(sut.reserve({ ...reserve, startDate: '2027-03-13', endDate: '2027-03-14' })).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        errors: [expect.objectContaining({ field: 'endDate' })],
      });
    });

    it('gives way to a booking of the same assignment committed meanwhile', async () => {
      const { sut, bookings, ledger } = setUp();
      bookings.insert.mockResolvedValueOnce(undefined);
      bookings.find.mockResolvedValueOnce(booking());
      bookings.parts.mockResolvedValueOnce(byWeek([W10, 10], [W11, 10]));

      expect(await sut.reserve(reserve)).toMatchObject({ assignmentId: ASSIGNMENT });
      expect(ledger.addBooked).not.toHaveBeenCalled();
    });
  });

  describe('release', () => {
    it("gives every week's hours back and forgets the booking", async () => {
      const { sut, bookings, ledger, changes, manager, weeks } = setUp({ stored: booking() });

      expect(await sut.release(ASSIGNMENT)).toEqual({ assignmentId: ASSIGNMENT, released: true });
      expect(ledger.addBooked).toHaveBeenCalledWith(manager, PROFESSIONAL, weeks, byWeek([W10, -10], [W11, -10]));
      expect(bookings.delete).toHaveBeenCalledWith(manager, ASSIGNMENT);
      expect(changes.record).toHaveBeenCalledWith(manager, [PROFESSIONAL]);
    });

    it('says so for an assignment it does not know, changing nothing', async () => {
      const { sut, ledger } = setUp();

      expect(await sut.release(ASSIGNMENT)).toEqual({ assignmentId: ASSIGNMENT, released: false });
      expect(ledger.addBooked).not.toHaveBeenCalled();
    });
  });

  describe('end', () => {
    it("gives back the weeks after the end day's week and keeps the hours before", async () => {
      const { sut, bookings, ledger, manager, weeks } = setUp({ stored: booking() });

      expect(await sut.end({ assignmentId: ASSIGNMENT, endDate: '2027-03-10' })).toEqual({ assignmentId: ASSIGNMENT, found: true, hours: 10, releasedHours: 10 });
      expect(ledger.addBooked).toHaveBeenCalledWith(manager, PROFESSIONAL, weeks, byWeek([W11, -10]));
      expect(bookings.deleteParts).toHaveBeenCalledWith(manager, ASSIGNMENT, W10);
      expect(bookings.update).toHaveBeenCalledWith(manager, ASSIGNMENT, { hours: 10, endDate: '2027-03-10' });
    });

    it('changes nothing when the work ends in its last week', async () => {
      const { sut, ledger, bookings } = setUp({ stored: booking() });

      expect(await sut.end({ assignmentId: ASSIGNMENT, endDate: '2027-03-19' })).toMatchObject({ found: true, hours: 20, releasedHours: 0 });
      expect(ledger.addBooked).not.toHaveBeenCalled();
      expect(bookings.update).not.toHaveBeenCalled();
    });
  });

  describe('resize', () => {
    it('books only the difference, week by week', async () => {
      const { sut, ledger, bookings, manager, weeks } = setUp({ stored: booking() });

      expect(await sut.resize({ assignmentId: ASSIGNMENT, hours: 30 })).toMatchObject({ hours: 30 });
      expect(ledger.addBooked).toHaveBeenCalledWith(manager, PROFESSIONAL, weeks, byWeek([W10, 5], [W11, 5]));
      expect(bookings.saveParts).toHaveBeenCalledWith(manager, ASSIGNMENT, byWeek([W10, 15], [W11, 15]));
    });

    it('lets an inactive professional shrink a booking but not grow one', async () => {
      const { sut } = setUp({ stored: booking(), active: false });

      await expect(sut.resize({ assignmentId: ASSIGNMENT, hours: 30 })).rejects.toMatchObject({ code: ErrorCode.Conflict });
      await expect(sut.resize({ assignmentId: ASSIGNMENT, hours: 10 })).resolves.toMatchObject({ hours: 10 });
    });

    it('answers not found for an assignment without a booking', async () => {
      const { sut } = setUp();

      await expect(sut.resize({ assignmentId: ASSIGNMENT, hours: 10 })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });
  });
});
