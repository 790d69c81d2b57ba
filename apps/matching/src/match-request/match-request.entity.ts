import { numericColumn } from '@coop/platform';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import {
  type CoopSectorCode,
  type ExpertiseDomainCode,
  type LanguageCode,
  type MatchListView,
  requestStatusCheck,
  type RequestStatus,
  type StoredTerms,
  type Urgency,
} from '@coop/contracts';

/**
 * The matching service's copy of a submitted request (its terms, from `request.submitted`), and
 * where it stands, in the lifecycle's words (libs/contracts/src/requests/request-lifecycle.ts).
 */
@Entity({ name: 'match_request' })
@Check('match_request_status_check', requestStatusCheck())
export class MatchRequestEntity implements StoredTerms {
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
  status: RequestStatus;

  /**
   * The ranking kept for coordinators while the request waits for them (to review, or unmatched),
   * as the match query returns it; null once assigned automatically.
   */
  @Column({ name: 'last_matches', type: 'jsonb', nullable: true })
  lastMatches: MatchListView | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
