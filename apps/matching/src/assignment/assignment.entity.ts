import { numericColumn } from '@coop/platform';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ASSIGNMENT_STATUSES = ['active', 'declined', 'completed', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * A professional booked for a request. At most one active assignment per request held alone,
 * enforced by a partial unique index, so concurrent automatic and manual assignment cannot both
 * win. A shared request has one assignment per part, all naming the same share, at most one per
 * professional.
 */
@Entity({ name: 'assignment' })
@Check('assignment_status_check', "status IN ('active', 'declined', 'completed', 'cancelled')")
@Check('assignment_hours_check', 'hours > 0')
@Index('assignment_one_active_per_request', ['requestId'], { unique: true, where: "status = 'active' AND share_id IS NULL" })
@Index('assignment_one_active_part_per_professional', ['requestId', 'professionalId'], { unique: true, where: "status = 'active'" })
@Index('assignment_share_idx', ['shareId'])
@Index('assignment_member_idx', ['memberId', 'createdAt'])
@Index('assignment_professional_idx', ['professionalId', 'createdAt'])
export class AssignmentEntity {
  /** Also the booking key in the professionals service. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'assignment_pkey' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'professional_id', type: 'uuid' })
  professionalId: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  hours: number;

  @Column({ name: 'cost_rate', type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  costRate: number;

  @Column({ name: 'estimated_cost', type: 'numeric', precision: 12, scale: 2, transformer: numericColumn })
  estimatedCost: number;

  @Column({ type: 'text' })
  status: AssignmentStatus;

  @Column({ type: 'boolean' })
  automatic: boolean;

  @Column({ name: 'hours_spent', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericColumn })
  hoursSpent: number | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  // Milliseconds only, like the keyset cursor that pages by it.
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** The share this assignment is a part of, when the request is shared between professionals. */
  @Column({ name: 'share_id', type: 'uuid', nullable: true })
  shareId: string | null;
}
