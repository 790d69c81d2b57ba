import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Remembers which events a consumer has applied, so a redelivery is acknowledged, not re-applied. */
@Entity({ name: 'processed_event' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'processed_event_pkey' })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'processed_event_pkey' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
