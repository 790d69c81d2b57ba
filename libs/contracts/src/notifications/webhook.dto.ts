import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { StrictBoolean } from '../common/strict-boolean.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-types.js';

export const WEBHOOK_ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/**
 * `held`: recorded while its endpoint is disabled, sent once the endpoint is enabled again;
 * `failed`: its retries were used up (or its endpoint was deleted).
 */
export const DELIVERY_STATUSES = ['pending', 'held', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a partner system gives to register an endpoint. */
export class WebhookEndpointInput {
  @ApiProperty({ format: 'uri', maxLength: 2048, example: 'https://intranet.fch.example/hooks/coop' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false, disallow_auth: true },
    { message: 'url must be an http or https URL without credentials' },
  )
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true, minItems: 1 })
  @IsArray()
  @ArrayNotEmpty({ message: 'eventTypes must name at least one event type' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event type must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  eventTypes: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 200 })
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
  @ApiPropertyOptional({ format: 'uuid', description: "Admins: one member's endpoints. A partner always sees only its own" })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** The query string of `GET /v1/webhooks/:id/deliveries`. */
export class WebhookDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
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

/** Query of `POST /v1/webhooks/:id/enable`. */
export class EnableWebhookEndpointQuery {
  @ApiPropertyOptional({
    description:
      'Also send again what the endpoint missed (default true): the deliveries held while it was disabled, and those whose retries ran out since it began failing, each with its original webhook-id, in order',
    default: true,
  })
  @IsOptional()
  @StrictBoolean()
  replayMissed?: boolean;
}

export class EnableWebhookEndpointRequest extends WebhookEndpointRef {
  @IsOptional()
  @StrictBoolean()
  replayMissed?: boolean;
}

export class ReplayWebhookDeliveryRequest extends WebhookEndpointRef {
  @IsUUID('4', { message: 'deliveryId must be a UUID' })
  deliveryId: string;
}

export class WebhookEndpointView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ format: 'uri' })
  url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true })
  eventTypes: WebhookEventType[];
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ enum: WEBHOOK_ENDPOINT_STATUSES, enumName: 'WebhookEndpointStatus' })
  status: WebhookEndpointStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  disabledReason: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class EnabledWebhookEndpointView extends WebhookEndpointView {
  @ApiProperty({ description: 'Missed deliveries queued to be sent again (0 with replayMissed=false)' })
  replayedDeliveries: number;
}

/** Returned once, at registration: the signing secret (Standard Webhooks `whsec_…` form). */
export class CreatedWebhookEndpointView extends WebhookEndpointView {
  @ApiProperty({ description: 'The signing secret (whsec_…). Shown once: store it now.' })
  secret: string;
}

export class WebhookEndpointPage {
  @ApiProperty({ type: [WebhookEndpointView] })
  items: WebhookEndpointView[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** One try to deliver: HTTP status (null when no answer), time taken, what went wrong. */
export class WebhookAttemptView {
  @ApiProperty({ format: 'date-time' })
  attemptedAt: string;
  @ApiProperty({ type: Number, nullable: true })
  statusCode: number | null;
  @ApiProperty()
  latencyMs: number;
  @ApiProperty()
  succeeded: boolean;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  endpointId: string;
  /** The `webhook-id` header: the same on every attempt, so receivers can deduplicate. */
  @ApiProperty({ description: 'The webhook-id header, the same on every attempt' })
  webhookId: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType' })
  eventType: WebhookEventType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestId: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  status: DeliveryStatus;
  @ApiProperty()
  attemptCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: [WebhookAttemptView] })
  attempts: WebhookAttemptView[];
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryView] })
  items: WebhookDeliveryView[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
