import { Module } from '@nestjs/common';
import { NotificationsConfig } from '../config.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { FeedModule } from '../feed/feed.module.js';
import { SecretBox } from './secret-box.js';
import { WebhookController } from './webhook.controller.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';

@Module({
  imports: [FeedModule, DeliveryModule],
  controllers: [WebhookController],
  providers: [
    { provide: SecretBox, inject: [NotificationsConfig], useFactory: (config: NotificationsConfig) => new SecretBox(config.WEBHOOK_SECRET_KEY) },
    WebhookEndpointService,
    WebhookDeliveryService,
    WebhookDispatcher,
  ],
  exports: [WebhookDeliveryService],
})
export class WebhooksModule {}
