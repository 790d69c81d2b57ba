import { DatabaseDefinition } from '@coop/platform';
import { EmailAttemptEntity } from './email/email-attempt.entity.js';
import { EmailMessageEntity } from './email/email-message.entity.js';
import { CoordinatorNotificationEntity } from './feed/coordinator-notification.entity.js';
import { TrackedRequestEntity } from './lifecycle/tracked-request.entity.js';
import { CreateNotifications1795677910305 } from './migrations/1795677910305-create-notifications.js';
import { HeldWebhookDeliveries1796128179709 } from './migrations/1796128179709-held-webhook-deliveries.js';
import { DeliveryLeaseOwner1796131522004 } from './migrations/1796131522004-delivery-lease-owner.js';
import { SharedAssignments1796200000000 } from './migrations/1796200000000-shared-assignments.js';
import { WebhookAttemptEntity } from './webhooks/webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './webhooks/webhook-endpoint.entity.js';

export const notificationsDatabase: DatabaseDefinition = {
  schema: 'notifications',
  entities: [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity, EmailMessageEntity, EmailAttemptEntity, CoordinatorNotificationEntity, TrackedRequestEntity],
  migrations: [CreateNotifications1795677910305, HeldWebhookDeliveries1796128179709, DeliveryLeaseOwner1796131522004, SharedAssignments1796200000000],
};
