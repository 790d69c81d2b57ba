import { RetryPolicy } from './retry-policy.js';

describe(RetryPolicy.name, () => {
  const schedule = [1_000, 60_000, 3_600_000];

  it('waits the scheduled time after each failure, then gives up', () => {
    const sut = new RetryPolicy(schedule, 0);

    expect([0, 1, 2, 3].map((step) => sut.delayAfter(step))).toEqual([1_000, 60_000, 3_600_000, null]);
  });

  it('stretches or shrinks each wait by at most the jitter fraction', () => {
    const lowest = new RetryPolicy(schedule, 0.2, () => 0);
    const highest = new RetryPolicy(schedule, 0.2, () => 0.999999);

    expect(lowest.delayAfter(1)).toBe(48_000);
    expect(highest.delayAfter(1)).toBe(72_000);
  });

  it('spreads retries of the same step apart', () => {
    const sut = new RetryPolicy(schedule, 0.2);

    const waits = new Set(Array.from({ length: 20 }, () => sut.delayAfter(2)));

    expect(waits.size).toBeGreaterThan(1);
  });
});
