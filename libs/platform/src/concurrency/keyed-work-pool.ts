/**
 * Runs jobs at most `concurrency` at a time, and jobs with the same key one after another in the
 * order they were submitted. `submit` waits while the pool is full, so a producer looping over a
 * stream stops pulling when the workers are busy. A job that throws is reported to `onError` and
 * does not stop the jobs queued behind it.
 */
export class KeyedWorkPool {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly onError: (error: unknown, key: string) => void,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }

  /** Resolves once the job is accepted (not when it is done). */
  async submit(key: string, job: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const previous = this.tails.get(key);
    const run = async (): Promise<void> => {
      try {
        await job();
      } catch (error) {
        this.onError(error, key);
      }
    };
    // Tasks never reject (run catches), so the next job of a key always runs after the previous one.
    const task: Promise<void> = (previous ? previous.then(run) : run()).finally(() => {
      this.running.delete(task);
      if (this.tails.get(key) === task) this.tails.delete(key);
      this.waiting.shift()?.();
    });
    this.running.add(task);
    this.tails.set(key, task);
  }

  /** Resolves when every accepted job is done. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
