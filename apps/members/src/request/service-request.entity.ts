import { numericColumn } from '@coop/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type ExpertiseDomainCode, type LanguageCode, requestStatusCheck, type RequestStatus, type SharePart, type StoredTerms, type Urgency } from '@coop/contracts';
import { MemberEntity } from '../member/member.entity.js';

/** Members' copy of a request: its terms, its status in the lifecycle, and its current assignment. */
@Entity({ name: 'service_request' })
@Index('service_request_member_created_idx', ['memberId', 'createdAt', 'id'])
@Index('service_request_created_idx', ['createdAt', 'id'])
@Check('service_request_status_check', requestStatusCheck())
@Check('service_request_window_check', `"start_date" <= "end_date"`)
@Check('service_request_hours_check', `"estimated_hours" > 0`)
@Check('service_request_assignment_check', `"status" NOT IN ('assigned', 'completed') OR "assignment_id" IS NOT NULL`)
export class ServiceRequestEntity implements StoredTerms {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'service_request_pkey' })
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => MemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'service_request_member_id_fkey' })
  member?: MemberEntity;

  @Column({ type: 'text' })
  domain: ExpertiseDomainCode;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'estimated_hours', type: 'numeric', precision: 7, scale: 2, transformer: numericColumn })
  estimatedHours: number;

  @Column({ type: 'text' })
  language: LanguageCode;

  @Column({ type: 'text' })
  region: string;

  @Column({ name: 'on_site', type: 'boolean' })
  onSite: boolean;

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ name: 'auto_assign_override', type: 'boolean', nullable: true })
  autoAssignOverride: boolean | null;

  /** The override, else the member's policy when the request was submitted. */
  @Column({ name: 'auto_assign', type: 'boolean' })
  autoAssign: boolean;

  @Column({ type: 'text' })
  status: RequestStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId: string | null;

  @Column({ name: 'professional_id', type: 'uuid', nullable: true })
  professionalId: string | null;

  @Column({ name: 'assigned_hours', type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericColumn })
  assignedHours: number | null;

  @Column({ name: 'estimated_cost', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericColumn })
  estimatedCost: number | null;

  @Column({ name: 'assigned_automatically', type: 'boolean', nullable: true })
  assignedAutomatically: boolean | null;

  /** A shared request: the share, and each part (the first is also assignmentId and professionalId). */
  @Column({ name: 'share_id', type: 'uuid', nullable: true })
  shareId: string | null;

  @Column({ name: 'assignment_parts', type: 'jsonb', nullable: true })
  assignmentParts: SharePart[] | null;

  // Milliseconds, like the JS Date in a page cursor (see keysetPage); updated_at alike, so it is never before created_at.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
