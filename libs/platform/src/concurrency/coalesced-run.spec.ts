import { CoalescedRun } from './coalesced-run.js';

describe(CoalescedRun.name, () => {
  it('runs one pass at a time and one more for the calls that came during a pass', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const sut = new CoalescedRun(async () => {
      passes += 1;
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
    });

    const first = sut.run();
    const second = sut.run();
    const third = sut.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;

    expect(passes).toBe(2);
    expect(sut.current).toBeUndefined();
  });

  it('runs again when a pass asks for it, and frees itself after a failure', async () => {
    let passes = 0;
    const again = new CoalescedRun(async () => ++passes < 3);
    await again.run();
    expect(passes).toBe(3);

    const failing = new CoalescedRun(async () => {
      throw new Error('boom');
    });
    await expect(failing.run()).rejects.toThrow('boom');
    expect(failing.current).toBeUndefined();
  });
});
