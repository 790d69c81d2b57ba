import { numericColumn } from '@coop/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { CoopSectorCode, ExpertiseDomainCode, LanguageCode } from '@coop/contracts';

export interface StoredDomain {
  code: ExpertiseDomainCode;
  level: number;
  years: number;
}

@Entity({ name: 'professional' })
@Unique('professional_email_key', ['email'])
@Index('professional_created_at_id_idx', ['createdAt', 'id'])
@Check('professional_weekly_capacity_range', '"weekly_capacity_hours" >= 0 AND "weekly_capacity_hours" <= 60')
@Check('professional_cost_rate_positive', '"cost_rate" > 0')
export class ProfessionalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'professional_pkey' })
  id: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** Stored lower-cased, so uniqueness ignores case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'jsonb' })
  domains: StoredDomain[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'text', default: '' })
  bio: string;

  /** Main language first. */
  @Column({ type: 'text', array: true })
  languages: LanguageCode[];

  @Column({ type: 'text' })
  region: string;

  @Column({ name: 'coop_years', type: 'integer', default: 0 })
  coopYears: number;

  @Column({ name: 'coop_sectors', type: 'text', array: true, default: () => "'{}'" })
  coopSectors: CoopSectorCode[];

  @Column({ name: 'coop_mandates', type: 'integer', default: 0 })
  coopMandates: number;

  @Column({ name: 'weekly_capacity_hours', type: 'numeric', precision: 5, scale: 2, transformer: numericColumn })
  weeklyCapacityHours: number;

  @Column({ name: 'cost_rate', type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  costRate: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Milliseconds, like a JS Date, so a list cursor holding it finds its row again exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
