import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * A background loop over work kept in Postgres: runs one batch, then again at once if the batch
 * was full, otherwise after `pollMs`. Shutdown waits for the batch in hand; whatever is left stays
 * in the database for the next start or another replica.
 */
export abstract class PollingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  protected constructor(private readonly pollMs: number) {}

  /** Handles one batch of due work; resolves true when more may be due right away. */
  protected abstract runOnce(): Promise<boolean>;

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let more = false;
    try {
      more = await this.runOnce();
    } catch (error) {
      this.logger.warn({ msg: 'worker batch failed; will retry', err: error });
    }
    this.schedule(more ? 0 : this.pollMs);
  }
}
