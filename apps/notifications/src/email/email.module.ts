import { Module } from '@nestjs/common';
import { EmailDispatcher } from './email-dispatcher.js';
import { EmailOutbox } from './email-outbox.js';
import { EmailRecipients } from './email-recipients.js';
import { MailTransport } from './mail-transport.js';

@Module({ providers: [EmailOutbox, EmailRecipients, MailTransport, EmailDispatcher], exports: [EmailOutbox] })
export class EmailModule {}
