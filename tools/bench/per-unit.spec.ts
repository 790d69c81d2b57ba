import { increasePer, per, perUnit, readCounters } from './per-unit.js';

describe('per-unit figures', () => {
  it('spreads a total over the work done, counting no work as one unit', () => {
    expect(per(53, 20)).toBe(2.65);
    expect(per(1, 3, 3)).toBe(0.333);
    expect(per(7, 0)).toBe(7);
    expect(perUnit({ matching: 120, gateway: 45 }, 10)).toEqual({ matching: 12, gateway: 4.5 });
  });

  it('gives how much each counter went up per unit, and null for one that cannot be read', async () => {
    let searches = 100;
    const counters = { searches: async () => searches, statements: undefined };
    const before = await readCounters(counters);
    searches = 130;

    expect(increasePer(before, await readCounters(counters), 20)).toEqual({ searches: 1.5, statements: null });
  });
});
