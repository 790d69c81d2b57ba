/**
 * Runs an async job one at a time. A call while it runs shares the running promise and asks for
 * one more pass once it ends (what woke the caller may have come too late for the current pass).
 * Good for "drain everything pending" jobs woken by notifications and timers.
 */
export class CoalescedRun {
  private running: Promise<void> | undefined;
  private again = false;

  /** `pass` may return true to ask for another pass itself. */
  constructor(private readonly pass: () => Promise<boolean | void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          if (await this.pass()) this.again = true;
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** The pass in progress, if any. */
  get current(): Promise<void> | undefined {
    return this.running;
  }
}
