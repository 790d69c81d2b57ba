import { numericColumn } from '@coop/platform';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProfessionalEntity } from '../professional/professional.entity.js';

/**
 * The availability ledger: one row per professional and ISO week that has (or had) bookings. The
 * CHECK is the invariant itself: no week is ever booked beyond its capacity, whatever runs
 * concurrently; writers lock the rows (FOR UPDATE, in week order) before changing them. Weeks
 * without a row have their computed capacity and nothing booked.
 */
@Entity({ name: 'availability_week' })
@Check('availability_week_not_overbooked', '"booked_hours" <= "capacity_hours"')
@Check('availability_week_booked_not_negative', '"booked_hours" >= 0')
export class AvailabilityWeekEntity {
  @PrimaryColumn({ name: 'professional_id', type: 'uuid', primaryKeyConstraintName: 'availability_week_pkey' })
  professionalId: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'availability_week_professional_fkey' })
  professional?: ProfessionalEntity;

  /** Monday of the ISO week. */
  @PrimaryColumn({ name: 'week_start', type: 'date', primaryKeyConstraintName: 'availability_week_pkey' })
  weekStart: string;

  @Column({ name: 'capacity_hours', type: 'numeric', precision: 6, scale: 2, transformer: numericColumn })
  capacityHours: number;

  @Column({ name: 'booked_hours', type: 'numeric', precision: 8, scale: 2, default: 0, transformer: numericColumn })
  bookedHours: number;
}
