import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { EmailDispatcher } from './email-dispatcher.js';
import { EmailOutbox } from './email-outbox.js';
import { EmailRecipients } from './email-recipients.js';
import { MailTransport } from './mail-transport.js';

@Module({ imports: [DeliveryModule], providers: [EmailOutbox, EmailRecipients, MailTransport, EmailDispatcher], exports: [EmailOutbox] })
export class EmailModule {}
