/**
 * When to try again after a failed attempt: the schedule's wait for that step, stretched or shrunk
 * at random by up to `jitter` (a fraction), or null once the schedule is used up (give up).
 */
export class RetryPolicy {
  constructor(
    private readonly scheduleMs: readonly number[],
    private readonly jitter: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait after the failure of attempt number `failedStep` (0 = the first attempt). */
  delayAfter(failedStep: number): number | null {
    const base = this.scheduleMs[failedStep];
    if (base === undefined) return null;
    const factor = 1 + this.jitter * (2 * this.random() - 1);
    return Math.max(0, Math.round(base * factor));
  }
}
