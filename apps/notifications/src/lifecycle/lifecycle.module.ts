import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module.js';
import { FeedModule } from '../feed/feed.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LifecycleEventsHandler } from './lifecycle-events.handler.js';
import { TrackedRequests } from './tracked-requests.js';

@Module({ imports: [WebhooksModule, EmailModule, FeedModule], providers: [LifecycleEventsHandler, TrackedRequests] })
export class LifecycleModule {}
