import { Module } from '@nestjs/common';
import { WorkerPresence } from './worker-presence.js';

/** What the webhook and email workers share: the presence that lets others take over their leases. */
@Module({ providers: [WorkerPresence], exports: [WorkerPresence] })
export class DeliveryModule {}
