import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CoopSectorCode, LanguageCode } from '@coop/contracts';

@Entity({ name: 'member' })
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'member_pkey' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  sector: CoopSectorCode;

  @Column({ type: 'text' })
  language: LanguageCode;

  @Column({ type: 'text' })
  region: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Column({ name: 'auto_assign', type: 'boolean', default: false })
  autoAssign: boolean;

  /** May an automatic assignment share a request between two professionals? */
  @Column({ name: 'auto_assign_split', type: 'boolean', default: false })
  autoAssignSplit: boolean;

  // Milliseconds, like the JS Date in a page cursor (see keysetPage); updated_at alike, so it is never before created_at.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
