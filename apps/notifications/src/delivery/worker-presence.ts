import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AdvisoryLockSession } from '@coop/platform';
import { NotificationsConfig } from '../config.js';
import { notificationsDatabase } from '../database.js';

/** The first key of every delivery worker's presence lock (the second is the worker's own id). */
export const WORKER_LOCK_CLASS = 731_001;

/**
 * Says to the other replicas that this process is alive: a session advisory lock keyed by the
 * process's own worker id, held on a connection of its own. Postgres drops it the moment the
 * process dies (or its connection is terminated), so the deliveries it had leased can be taken
 * over at once instead of after the lease (LeasedQueue).
 */
@Injectable()
export class WorkerPresence implements OnApplicationShutdown {
  readonly workerId = randomInt(1, 2 ** 31 - 1);
  private readonly session: AdvisoryLockSession;
  /** The attempt in progress: the webhook and email workers ask at the same time, on one connection. */
  private announcing: Promise<boolean> | undefined;

  constructor(@Inject(NotificationsConfig) config: NotificationsConfig) {
    this.session = new AdvisoryLockSession({
      databaseUrl: config.DATABASE_URL,
      schema: notificationsDatabase.schema,
      lock: { classId: WORKER_LOCK_CLASS, objectId: this.workerId },
    });
  }

  /** True once the lock is held (taken again if its connection was lost); false while Postgres cannot be reached. */
  announce(): Promise<boolean> {
    this.announcing ??= this.session
      .tryAcquire()
      .catch(() => false)
      .finally(() => (this.announcing = undefined));
    return this.announcing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.session.release();
  }
}
