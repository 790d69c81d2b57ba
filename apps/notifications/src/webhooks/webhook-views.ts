import type { WebhookAttemptView, WebhookDeliveryView, WebhookEndpointView } from '@coop/contracts';
import type { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

export function toEndpointView(endpoint: WebhookEndpointEntity): WebhookEndpointView {
  return {
    id: endpoint.id,
    memberId: endpoint.memberId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    status: endpoint.status,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

export function toDeliveryView(delivery: WebhookDeliveryEntity, attempts: WebhookAttemptEntity[]): WebhookDeliveryView {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    requestId: delivery.orderingKey,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    attempts: attempts.map(toAttemptView),
  };
}

function toAttemptView(attempt: WebhookAttemptEntity): WebhookAttemptView {
  return {
    attemptedAt: attempt.attemptedAt.toISOString(),
    statusCode: attempt.statusCode,
    latencyMs: attempt.latencyMs,
    succeeded: attempt.succeeded,
    error: attempt.error,
  };
}
