import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AttemptColumns } from '../delivery/delivery-columns.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

/** One try to deliver a webhook, kept for the delivery log. */
@Entity({ name: 'webhook_attempt' })
@Index('webhook_attempt_delivery_idx', ['deliveryId', 'id'])
export class WebhookAttemptEntity extends AttemptColumns {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'webhook_attempt_pkey' })
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'webhook_attempt_delivery_fkey' })
  delivery?: WebhookDeliveryEntity;

  /** HTTP status of the answer; null when none came (refused, timed out). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;
}
