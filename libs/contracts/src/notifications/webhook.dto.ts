import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-types.js';

export const WEBHOOK_ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a partner system gives to register an endpoint. */
export class WebhookEndpointInput {
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false, disallow_auth: true },
    { message: 'url must be an http or https URL without credentials' },
  )
  @MaxLength(2048)
  url: string;

  @IsArray()
  @ArrayNotEmpty({ message: 'eventTypes must name at least one event type' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event type must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  eventTypes: WebhookEventType[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class CreateWebhookEndpointRequest extends WebhookEndpointInput {
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId: string;
}

/**
 * One endpoint as seen by a caller. `memberId`, when set, restricts the lookup to that member's
 * endpoints (a partner): another member's endpoint is then "not found".
 */
export class WebhookEndpointRef {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;

  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

export class ListWebhookEndpointsRequest extends PageQuery {
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** The query string of `GET /v1/webhooks/:id/deliveries`. */
export class WebhookDeliveriesQuery extends PageQuery {
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of: ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}

export class ListWebhookDeliveriesRequest extends WebhookDeliveriesQuery {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;

  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

export class ReplayWebhookDeliveryRequest extends WebhookEndpointRef {
  @IsUUID('4', { message: 'deliveryId must be a UUID' })
  deliveryId: string;
}

export class WebhookEndpointView {
  id: string;
  memberId: string;
  url: string;
  eventTypes: WebhookEventType[];
  description: string | null;
  status: WebhookEndpointStatus;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

/** Returned once, at registration: the signing secret (Standard Webhooks `whsec_…` form). */
export class CreatedWebhookEndpointView extends WebhookEndpointView {
  secret: string;
}

export class WebhookEndpointPage {
  items: WebhookEndpointView[];
  nextCursor: string | null;
}

/** One try to deliver: HTTP status (null when no answer), time taken, what went wrong. */
export class WebhookAttemptView {
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  succeeded: boolean;
  error: string | null;
}

export class WebhookDeliveryView {
  id: string;
  endpointId: string;
  /** The `webhook-id` header: the same on every attempt, so receivers can deduplicate. */
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  requestId: string | null;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attempts: WebhookAttemptView[];
}

export class WebhookDeliveryPage {
  items: WebhookDeliveryView[];
  nextCursor: string | null;
}
