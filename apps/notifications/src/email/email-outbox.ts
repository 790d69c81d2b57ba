import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EmailMessageEntity, EmailRecipientType } from './email-message.entity.js';
import type { EmailFacts, EmailKind } from './email-templates.js';

export interface NewEmail {
  eventId: string;
  kind: EmailKind;
  recipientType: EmailRecipientType;
  recipientId: string;
  facts: EmailFacts;
}

/** Queues an email in the event consumer's transaction; the dispatcher sends it. */
@Injectable()
export class EmailOutbox {
  async enqueue(manager: EntityManager, email: NewEmail): Promise<void> {
    await manager.createQueryBuilder().insert().into(EmailMessageEntity).values({ id: randomUUID(), ...email }).orIgnore().execute();
  }
}
