import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The remembered outcome of a POST sent with an Idempotency-Key, per caller (scope) and key. */
@Entity({ name: 'idempotency_key' })
@Index('idempotency_key_expires_at_idx', ['expiresAt'])
export class IdempotencyRecordEntity {
  /** Whose key it is: the caller's credential id. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pkey' })
  scope: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pkey' })
  key: string;

  /** SHA-256 of the request in canonical JSON: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  /** The body answered the first time, answered again on a replay. */
  @Column({ type: 'jsonb' })
  response: object;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
