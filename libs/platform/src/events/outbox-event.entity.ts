import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { EventEnvelope } from '@coop/contracts';

/** An event written in the same transaction as the change it describes; the relay publishes it. */
@Entity({ name: 'outbox_event' })
@Unique('outbox_event_id_key', ['id'])
@Index('outbox_event_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'outbox_event_pkey' })
  seq: string;

  @Column({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb' })
  envelope: EventEnvelope;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
