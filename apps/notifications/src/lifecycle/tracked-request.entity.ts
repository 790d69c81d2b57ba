import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface TrackedPart {
  assignmentId: string;
  professionalId: string;
}

/**
 * What this service remembers of a request from the events it saw: enough to word a message
 * (title, window) and to know whom to tell of a cancellation (the active assignment's professional).
 */
@Entity({ name: 'tracked_request' })
export class TrackedRequestEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid', primaryKeyConstraintName: 'tracked_request_pkey' })
  requestId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'start_date', type: 'text', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'text', nullable: true })
  endDate: string | null;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId: string | null;

  @Column({ name: 'professional_id', type: 'uuid', nullable: true })
  professionalId: string | null;

  /** A shared request: its parts still held (a cancellation tells each professional). */
  @Column({ name: 'share_parts', type: 'jsonb', nullable: true })
  shareParts: TrackedPart[] | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
