import type { SharePart } from '@coop/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestHistoryType, RequestStatus } from '@coop/contracts';
import { ServiceRequestEntity } from './service-request.entity.js';

/** Facts of one history entry beyond its type and time (ids, hours, cost, reason…). */
export type RequestHistoryDetails = Partial<{
  assignmentId: string;
  professionalId: string;
  replacesAssignmentId: string;
  automatic: boolean;
  hours: number;
  cost: number;
  availableCandidates: number;
  reason: string;
  /** A shared request: the share and every part. */
  shareId: string;
  parts: SharePart[];
}>;

/**
 * One step of a request's life, written in the same transaction as the status change it records
 * (submission, cancellation, or a matching event applied), so the history never disagrees with the
 * status. `sequence` orders entries written within the same millisecond.
 */
@Entity({ name: 'service_request_history' })
@Index('service_request_history_request_idx', ['requestId', 'sequence'])
export class RequestHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', name: 'sequence', primaryKeyConstraintName: 'service_request_history_pkey' })
  sequence: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => ServiceRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'service_request_history_request_fkey' })
  request?: ServiceRequestEntity;

  @Column({ type: 'text' })
  type: RequestHistoryType;

  @Column({ type: 'text' })
  status: RequestStatus;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'jsonb', default: {} })
  details: RequestHistoryDetails;
}
