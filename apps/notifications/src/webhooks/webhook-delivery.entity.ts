import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { WebhookEventType } from '@coop/contracts';
import { LeasedDeliveryColumns } from '../delivery/delivery-columns.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

/** The body every webhook carries (Standard Webhooks: type, timestamp, data). */
export interface WebhookBody {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * One event to one endpoint: created in the event consumer's transaction, sent by the dispatcher
 * until it succeeds or its retry schedule is used up. `webhookId` never changes, so every retry
 * (and a replay) carries the same `webhook-id`.
 */
@Entity({ name: 'webhook_delivery' })
@Unique('webhook_delivery_event_endpoint_key', ['eventId', 'endpointId'])
@Index('webhook_delivery_endpoint_idx', ['endpointId', 'seq'])
@Index('webhook_delivery_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('webhook_delivery_order_idx', ['endpointId', 'orderingKey', 'occurredAt', 'seq'], { where: `"status" = 'pending'` })
@Check('webhook_delivery_status_check', `"status" IN ('pending', 'held', 'succeeded', 'failed')`)
export class WebhookDeliveryEntity extends LeasedDeliveryColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_delivery_pkey' })
  id: string;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'webhook_delivery_endpoint_fkey' })
  endpoint?: WebhookEndpointEntity;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: WebhookEventType;

  /** Deliveries with the same key (the request) go to an endpoint one at a time, oldest first. */
  @Column({ name: 'ordering_key', type: 'text' })
  orderingKey: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'webhook_id', type: 'text' })
  webhookId: string;

  /** The exact JSON sent (and signed) on every attempt. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
