import { DataSource, EntityManager } from 'typeorm';
import { RetryPolicy } from './retry-policy.js';
import { WORKER_LOCK_CLASS, type WorkerPresence } from './worker-presence.js';

/** A row a worker holds: no other worker takes it before the lease ends or it is released. */
export interface Lease {
  id: string;
  leaseToken: string;
  retryStep: number;
}

export interface ClaimFilter {
  /** Joins on the candidate rows (alias `c`), e.g. to their endpoint. */
  join?: string;
  /** More conditions on the candidates, e.g. ordering between deliveries. */
  where?: string;
}

/**
 * A table of deliveries (webhooks or emails) used as a work queue shared by every replica. Each
 * row carries status, next_attempt_at, retry_step, attempt_count, locked_until and lease_token.
 * Claiming locks due rows with FOR UPDATE SKIP LOCKED and stamps a lease with the worker's id, so
 * two workers never hold the same row. A lease ends when its time is up, or at once when the worker
 * that holds it is gone (its presence lock is no longer in pg_locks): the row is then taken over (at
 * least once). Every state lives in Postgres, so a restart loses nothing.
 */
export class LeasedQueue {
  constructor(
    private readonly table: 'webhook_delivery' | 'email_message',
    private readonly retry: RetryPolicy,
    private readonly leaseMs: number,
    private readonly presence: WorkerPresence,
  ) {}

  /** Due rows for this worker; none while it cannot announce itself (Postgres unreachable). */
  async claim(dataSource: DataSource, limit: number, filter: ClaimFilter = {}): Promise<Lease[]> {
    if (!(await this.presence.announce())) return [];
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await dataSource.query(
      `WITH due AS (
         SELECT c.id FROM ${this.table} c ${filter.join ?? ''}
         WHERE c.status = 'pending' AND c.next_attempt_at <= now()
           AND (c.locked_until IS NULL OR c.locked_until <= now() OR NOT EXISTS (
             SELECT 1 FROM pg_locks l
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = $4::bigint::oid AND l.objid = c.lease_owner::bigint::oid
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())))
           AND (${filter.where ?? 'TRUE'})
         ORDER BY c.next_attempt_at, c.seq
         LIMIT $1
         FOR UPDATE OF c SKIP LOCKED)
       UPDATE ${this.table} t SET locked_until = now() + $2 * interval '1 millisecond', lease_token = gen_random_uuid(), lease_owner = $3
       FROM due WHERE t.id = due.id
       RETURNING t.id, t.lease_token, t.retry_step`,
      [limit, this.leaseMs, this.presence.workerId, WORKER_LOCK_CLASS],
    )) as [Array<{ id: string; lease_token: string; retry_step: number }>, number];
    return rows.map((row) => ({ id: row.id, leaseToken: row.lease_token, retryStep: row.retry_step }));
  }

  /** Marks the row delivered. False when the lease was lost meanwhile (another worker took over). */
  async succeeded(manager: EntityManager, lease: Lease): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE ${this.table} SET status = 'succeeded', attempt_count = attempt_count + 1, locked_until = NULL, lease_token = NULL
       WHERE id = $1 AND lease_token = $2`,
      [lease.id, lease.leaseToken],
    )) as [unknown, number];
    return affected > 0;
  }

  /** Schedules the next attempt after a failure, or gives up when the schedule is used up or `permanent`. */
  async failed(manager: EntityManager, lease: Lease, permanent = false): Promise<'pending' | 'failed'> {
    const delayMs = permanent ? null : this.retry.delayAfter(lease.retryStep);
    const status = delayMs === null ? 'failed' : 'pending';
    await manager.query(
      `UPDATE ${this.table} SET status = $3, attempt_count = attempt_count + 1, retry_step = retry_step + 1,
         next_attempt_at = CASE WHEN $4::int IS NULL THEN next_attempt_at ELSE now() + $4::int * interval '1 millisecond' END,
         locked_until = NULL, lease_token = NULL
       WHERE id = $1 AND lease_token = $2`,
      [lease.id, lease.leaseToken, status, delayMs],
    );
    return status;
  }
}
