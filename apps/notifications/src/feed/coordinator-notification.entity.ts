import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn, Unique } from 'typeorm';
import type { CoordinatorNotificationKind, NotificationAudience } from '@coop/contracts';

/** An entry of the coordinator feed: something that needs a coordinator (or an admin). */
@Entity({ name: 'coordinator_notification' })
@Unique('coordinator_notification_source_key', ['sourceKey'])
@Index('coordinator_notification_audience_idx', ['audience', 'seq'])
@Check('coordinator_notification_audience_check', `"audience" IN ('coordinators', 'admins')`)
export class CoordinatorNotificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'coordinator_notification_pkey' })
  id: string;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ type: 'text' })
  kind: CoordinatorNotificationKind;

  @Column({ type: 'text' })
  audience: NotificationAudience;

  /** What caused it (an event id, or the disabling of an endpoint): never two entries for one cause. */
  @Column({ name: 'source_key', type: 'text' })
  sourceKey: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
