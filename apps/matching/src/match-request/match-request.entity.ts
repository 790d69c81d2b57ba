import { numericColumn } from '@coop/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CoopSectorCode, ExpertiseDomainCode, LanguageCode, MatchListView, Urgency } from '@coop/contracts';

export const MATCH_REQUEST_STATUSES = ['matching', 'pending_review', 'assigned', 'unmatched', 'cancelled', 'completed'] as const;
export type MatchRequestStatus = (typeof MATCH_REQUEST_STATUSES)[number];

/** The matching service's copy of a submitted request (from `request.submitted`), and where it stands. */
@Entity({ name: 'match_request' })
export class MatchRequestEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'match_request_pkey' })
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'member_sector', type: 'text', nullable: true })
  memberSector: CoopSectorCode | null;

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

  @Column({ name: 'estimated_hours', type: 'numeric', precision: 8, scale: 2, transformer: numericColumn })
  estimatedHours: number;

  @Column({ type: 'text' })
  language: LanguageCode;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ name: 'on_site', type: 'boolean' })
  onSite: boolean;

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ name: 'auto_assign', type: 'boolean' })
  autoAssign: boolean;

  /** The member's policy: may an automatic assignment share the request between two professionals? */
  @Column({ name: 'auto_assign_split', type: 'boolean', default: false })
  autoAssignSplit: boolean;

  @Column({ type: 'text' })
  status: MatchRequestStatus;

  /** The last ranking stored for coordinators (pending review), as returned by the match query. */
  @Column({ name: 'last_matches', type: 'jsonb', nullable: true })
  lastMatches: MatchListView | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
