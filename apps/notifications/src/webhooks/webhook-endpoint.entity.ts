import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEndpointStatus, WebhookEventType } from '@coop/contracts';

/** A member's webhook endpoint. The signing secret is stored encrypted (SecretBox). */
@Entity({ name: 'webhook_endpoint' })
@Index('webhook_endpoint_member_idx', ['memberId', 'seq'])
@Check('webhook_endpoint_status_check', `"status" IN ('active', 'disabled')`)
export class WebhookEndpointEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_endpoint_pkey' })
  id: string;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: WebhookEventType[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed: string;

  @Column({ type: 'text', default: 'active' })
  status: WebhookEndpointStatus;

  /** Failed attempts since the last success. */
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures: number;

  /** First failure since the last success; null while the endpoint is healthy. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
