import { type Cents, type Day, ErrorCode, parseDay, toCents } from '@coop/contracts';
import { mockManager, mockOf } from '@coop/platform/testing';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { CapacityLedger } from './capacity-ledger.js';
import { LedgerRepository, type LedgerWeek } from './ledger.repository.js';

const MONDAY = parseDay('2027-03-01');
const NEXT_MONDAY = parseDay('2027-03-08');
const professional = Object.assign(new ProfessionalEntity(), { id: 'p0000000-0000-4000-8000-000000000001', weeklyCapacityHours: 35, active: true });

const week = (monday: Day, capacity: number, booked: number): LedgerWeek => ({ monday, capacity: toCents(capacity), booked: toCents(booked) });

/** A ledger over a repository whose weeks are `weeks` (`missing` not yet in it) and whose time off is `timeOff`. */
function setUp({ weeks = [] as LedgerWeek[], missing = [] as Day[], timeOff = [] as Array<[Day, Day]>, found = true } = {}) {
  const ledger = mockOf<LedgerRepository>({
    lockToBook: async () => (found ? professional : null),
    lockToChange: async () => (found ? professional : null),
    timeOff: async () => timeOff,
    missingWeeks: async (_manager, _id, mondays) => ({ missing: mondays.filter((monday) => missing.includes(monday)), timeOff }),
    createMissingWeeks: async () => undefined,
    lockWeeks: async (_manager, _id, mondays) => weeks.filter((w) => mondays.includes(w.monday)),
    lockWeeksBetween: async () => weeks,
    addBooked: async () => undefined,
    setCapacities: async () => undefined,
  });
  return { sut: new CapacityLedger(ledger), ledger, manager: mockManager() };
}

const byWeek = (...entries: Array<[Day, number]>): Map<Day, Cents> => new Map(entries.map(([monday, hours]) => [monday, toCents(hours)]));

describe(CapacityLedger.name, () => {
  it('answers not found for a professional that does not exist', async () => {
    const { sut, manager } = setUp({ found: false });

    await expect(sut.lockToBook(manager, professional.id)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(sut.lockToChange(manager, professional.id)).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  describe('lockWeeks', () => {
    it('creates the weeks it lacks at their capacity less the working days off, then locks them in week order', async () => {
      // Off on Tuesday of the second week: one fifth of 35 h less.
      const { sut, ledger, manager } = setUp({ weeks: [week(MONDAY, 35, 0), week(NEXT_MONDAY, 28, 0)], missing: [MONDAY, NEXT_MONDAY], timeOff: [[NEXT_MONDAY + 1, NEXT_MONDAY + 1]] });

      const locked = await sut.lockWeeks(manager, professional, [NEXT_MONDAY, MONDAY, NEXT_MONDAY]);

      expect(ledger.createMissingWeeks).toHaveBeenCalledWith(manager, professional.id, byWeek([MONDAY, 35], [NEXT_MONDAY, 28]));
      expect(ledger.lockWeeks).toHaveBeenCalledWith(manager, professional.id, [MONDAY, NEXT_MONDAY]);
      expect([...locked.keys()]).toEqual([MONDAY, NEXT_MONDAY]);
    });

    it('creates only the weeks it lacks, and none when every week was booked before', async () => {
      const some = setUp({ weeks: [week(MONDAY, 35, 10), week(NEXT_MONDAY, 35, 0)], missing: [NEXT_MONDAY] });
      await some.sut.lockWeeks(some.manager, professional, [MONDAY, NEXT_MONDAY]);
      expect(some.ledger.createMissingWeeks).toHaveBeenCalledWith(some.manager, professional.id, byWeek([NEXT_MONDAY, 35]));

      const none = setUp({ weeks: [week(MONDAY, 35, 10), week(NEXT_MONDAY, 35, 0)] });
      const locked = await none.sut.lockWeeks(none.manager, professional, [MONDAY, NEXT_MONDAY]);
      expect(none.ledger.createMissingWeeks).not.toHaveBeenCalled();
      expect([...locked.values()]).toEqual([week(MONDAY, 35, 10), week(NEXT_MONDAY, 35, 0)]);
    });

    it('asks nothing for no week', async () => {
      const { sut, ledger, manager } = setUp();

      expect(await sut.lockWeeks(manager, professional, [])).toEqual(new Map());
      expect(ledger.createMissingWeeks).not.toHaveBeenCalled();
    });
  });

  describe('addBooked', () => {
    const weeks = new Map([[MONDAY, week(MONDAY, 35, 30)], [NEXT_MONDAY, week(NEXT_MONDAY, 35, 0)]]);

    it('adds the hours that fit, week by week, leaving out the weeks it does not change', async () => {
      const { sut, ledger, manager } = setUp();

      await sut.addBooked(manager, professional.id, weeks, byWeek([MONDAY, 5], [NEXT_MONDAY, 0]));

      expect(ledger.addBooked).toHaveBeenCalledWith(manager, professional.id, [[MONDAY, toCents(5)]]);
    });

    it('refuses hours beyond what is free, naming the week, and books nothing', async () => {
      const { sut, ledger, manager } = setUp();

      const refusal = sut.addBooked(manager, professional.id, weeks, byWeek([MONDAY, 6], [NEXT_MONDAY, 10]));

      await expect(refusal).rejects.toMatchObject({ code: ErrorCode.CapacityExceeded, message: expect.stringContaining('2027-W09 needs 6 h but has 5 h free') });
      expect(ledger.addBooked).not.toHaveBeenCalled();
    });

    it('always gives hours back, even from a week over capacity', async () => {
      const { sut, ledger, manager } = setUp();

      await sut.addBooked(manager, professional.id, new Map([[MONDAY, week(MONDAY, 20, 30)]]), byWeek([MONDAY, -10]));

      expect(ledger.addBooked).toHaveBeenCalledWith(manager, professional.id, [[MONDAY, toCents(-10)]]);
    });
  });

  describe('recomputeCapacities', () => {
    it('sets the capacity of the weeks whose capacity changed', async () => {
      const { sut, ledger, manager } = setUp({ weeks: [week(MONDAY, 40, 10), week(NEXT_MONDAY, 35, 10)] });

      await sut.recomputeCapacities(manager, professional, 'Changing the weekly capacity', MONDAY);

      expect(ledger.setCapacities).toHaveBeenCalledWith(manager, professional.id, [[MONDAY, toCents(35)]]);
    });

    it('refuses a change that leaves a week with less capacity than it has booked, naming the week', async () => {
      const { sut, ledger, manager } = setUp({ weeks: [week(MONDAY, 35, 30)], timeOff: [[MONDAY, MONDAY + 1]] });

      const refusal = sut.recomputeCapacities(manager, professional, 'Time off', MONDAY, MONDAY + 1);

      await expect(refusal).rejects.toMatchObject({ code: ErrorCode.CapacityExceeded, message: expect.stringContaining('2027-W09 would have 21 h for 30 h booked') });
      expect(ledger.setCapacities).not.toHaveBeenCalled();
    });
  });
});
