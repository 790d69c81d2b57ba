import { numericColumn } from '@coop/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProfessionalEntity } from '../professional/professional.entity.js';

/** The capacity an assignment takes on a professional's calendar (one per assignment). */
@Entity({ name: 'booking' })
@Index('booking_professional_start_idx', ['professionalId', 'startDate'])
@Index('booking_request_idx', ['requestId'], { where: 'request_id IS NOT NULL' })
@Check('booking_range', '"end_date" >= "start_date"')
@Check('booking_hours_not_negative', '"hours" >= 0')
export class BookingEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid', primaryKeyConstraintName: 'booking_pkey' })
  assignmentId: string;

  @Column({ name: 'professional_id', type: 'uuid' })
  professionalId: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'booking_professional_fkey' })
  professional?: ProfessionalEntity;

  /** The request the assignment is for, when the caller named it (found again by a retry). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  hours: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A booking's hours in one ISO week; a booking's weeks sum to its hours. */
@Entity({ name: 'booking_week' })
@Check('booking_week_hours_not_negative', '"hours" >= 0')
export class BookingWeekEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid', primaryKeyConstraintName: 'booking_week_pkey' })
  assignmentId: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'booking_week_booking_fkey' })
  booking?: BookingEntity;

  /** Monday of the ISO week. */
  @PrimaryColumn({ name: 'week_start', type: 'date', primaryKeyConstraintName: 'booking_week_pkey' })
  weekStart: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  hours: number;
}
