import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AttemptColumns } from '../delivery/delivery-columns.js';
import { EmailMessageEntity } from './email-message.entity.js';

/** One try to send an email, kept for the log. */
@Entity({ name: 'email_attempt' })
@Index('email_attempt_message_idx', ['messageId', 'id'])
export class EmailAttemptEntity extends AttemptColumns {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'email_attempt_pkey' })
  id: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ManyToOne(() => EmailMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'email_attempt_message_fkey' })
  message?: EmailMessageEntity;

  /** The SMTP server's answer (or the file written). */
  @Column({ type: 'text', nullable: true })
  response: string | null;
}
