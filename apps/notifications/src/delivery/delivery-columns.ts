import { Column } from 'typeorm';
import type { DeliveryStatus } from '@coop/contracts';

/** The columns that make a table a LeasedQueue: state, retry schedule position and the lease. */
export abstract class LeasedDeliveryColumns {
  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount: number;

  /** Position in the retry schedule; a replay starts it again. */
  @Column({ name: 'retry_step', type: 'integer', default: 0 })
  retryStep: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** A worker holds the row until then; if it dies, another takes it over afterwards. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken: string | null;

  /** The worker holding the lease: when it is gone, the lease ends before its time. */
  @Column({ name: 'lease_owner', type: 'integer', nullable: true })
  leaseOwner: number | null;
}

/** What every attempt log row records (besides its own key): when, how long, whether it worked, what went wrong. */
export abstract class AttemptColumns {
  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs: number;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
