import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AdvisoryLockSession } from '@coop/platform';
import { NotificationsConfig } from '../config.js';
import { notificationsDatabase } from '../database.js';

/** The first key of every delivery worker's presence lock (the second is the worker's own id). */
export const WORKER_LOCK_CLASS = 731_001;

function newWorkerId(): number {
  return randomInt(1, 2 ** 31 - 1);
}

/**
 * Says to the other replicas that this process is alive: a session advisory lock keyed by the
 * worker's id, held on a connection of its own. Postgres drops it the moment the process dies (or
 * its connection is terminated), so the deliveries it had leased can be taken over at once instead
 * of after the lease (LeasedQueue). A worker whose lock was lost comes back under a new id: it
 * cannot tell which of its sends were recorded, so its earlier leases must look abandoned too.
 */
@Injectable()
export class WorkerPresence implements OnApplicationShutdown {
  private id = newWorkerId();
  private session: AdvisoryLockSession;
  /** The attempt in progress: the webhook and email workers ask at the same time, on one connection. */
  private announcing: Promise<boolean> | undefined;

  constructor(@Inject(NotificationsConfig) private readonly config: NotificationsConfig) {
    this.session = this.sessionFor(this.id);
  }

  /** The id leases are stamped with; valid after a successful `announce()`. */
  get workerId(): number {
    return this.id;
  }

  /** True once the lock is held (taken again, under a new id, if it was lost); false while Postgres cannot be reached. */
  announce(): Promise<boolean> {
    this.announcing ??= this.acquire()
      .catch(() => false)
      .finally(() => (this.announcing = undefined));
    return this.announcing;
  }

  private async acquire(): Promise<boolean> {
    if (this.session.isHeld) return true;
    if (this.session.wasEverHeld) {
      await this.session.release();
      this.id = newWorkerId();
      this.session = this.sessionFor(this.id);
    }
    return this.session.tryAcquire();
  }

  private sessionFor(id: number): AdvisoryLockSession {
    return new AdvisoryLockSession({ databaseUrl: this.config.DATABASE_URL, schema: notificationsDatabase.schema, lock: { classId: WORKER_LOCK_CLASS, objectId: id } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.session.release();
  }
}
