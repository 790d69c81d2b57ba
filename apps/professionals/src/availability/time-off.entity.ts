import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProfessionalEntity } from '../professional/professional.entity.js';

/** Days off, inclusive; their working days have no capacity. Ranges of one professional never overlap. */
@Entity({ name: 'time_off' })
@Index('time_off_professional_start_idx', ['professionalId', 'startDate'])
@Check('time_off_range', '"end_date" >= "start_date"')
export class TimeOffEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'time_off_pkey' })
  id: string;

  @Column({ name: 'professional_id', type: 'uuid' })
  professionalId: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'time_off_professional_fkey' })
  professional?: ProfessionalEntity;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
