import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Professionals whose search document must be rewritten, filled in the transaction of each change
 * (ProfessionalChanges). Rows are marked indexed once Meilisearch has applied them (so a crash loses nothing) and
 * purged later; a rebuild re-applies every row written since it started.
 */
@Entity({ name: 'index_queue' })
@Index('index_queue_pending_idx', ['seq'], { where: 'indexed_at IS NULL' })
@Index('index_queue_created_at_idx', ['createdAt'])
export class IndexQueueEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'index_queue_pkey' })
  seq: string;

  @Column({ name: 'professional_id', type: 'uuid' })
  professionalId: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'indexed_at', type: 'timestamptz', nullable: true })
  indexedAt: Date | null;
}
