import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the live search index holds: its first week of free hours and when it was last rebuilt. */
@Entity({ name: 'search_index_state' })
export class SearchIndexStateEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'search_index_state_pkey' })
  name: string;

  @Column({ name: 'horizon_start', type: 'date' })
  horizonStart: string;

  @Column({ name: 'rebuilt_at', type: 'timestamptz' })
  rebuiltAt: Date;
}
