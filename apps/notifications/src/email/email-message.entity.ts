import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn, Unique } from 'typeorm';
import type { LanguageCode } from '@coop/contracts';
import { LeasedDeliveryColumns } from '../delivery/delivery-columns.js';
import type { EmailKind, EmailFacts } from './email-templates.js';

export const EMAIL_RECIPIENT_TYPES = ['professional', 'member'] as const;
export type EmailRecipientType = (typeof EMAIL_RECIPIENT_TYPES)[number];

/**
 * The email outbox: one message to write, created in the event consumer's transaction. The
 * recipient's address and language are looked up when it is sent, so a service that is down
 * only delays it (a retry), and the consumer never waits on another service.
 */
@Entity({ name: 'email_message' })
@Unique('email_message_event_kind_recipient_key', ['eventId', 'kind', 'recipientId'])
@Index('email_message_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Check('email_message_status_check', `"status" IN ('pending', 'succeeded', 'failed')`)
@Check('email_message_recipient_type_check', `"recipient_type" IN ('professional', 'member')`)
export class EmailMessageEntity extends LeasedDeliveryColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'email_message_pkey' })
  id: string;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  kind: EmailKind;

  @Column({ name: 'recipient_type', type: 'text' })
  recipientType: EmailRecipientType;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  /** What the template needs besides the recipient: taken from the event and the request. */
  @Column({ type: 'jsonb' })
  facts: EmailFacts;

  /** Filled in when the message is written: where it went, in which language, with what subject. */
  @Column({ name: 'recipient_address', type: 'text', nullable: true })
  recipientAddress: string | null;

  @Column({ type: 'text', nullable: true })
  language: LanguageCode | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
