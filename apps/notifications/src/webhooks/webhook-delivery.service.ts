import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  DomainException,
  ErrorCode,
  ListWebhookDeliveriesRequest,
  ReplayWebhookDeliveryRequest,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEventType,
} from '@coop/contracts';
import { decodeSeqCursor, DEFAULT_PAGE_SIZE, toPage } from '../pagination/seq-cursor.js';
import { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import { WebhookBody, WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { toDeliveryView } from './webhook-views.js';

export interface WebhookEvent {
  eventId: string;
  type: WebhookEventType;
  memberId: string;
  /** The request the event is about: its events reach an endpoint in the order they occurred. */
  requestId: string;
  occurredAt: string;
  data: object;
}

/** Turns events into deliveries, and shows and replays them. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointService,
  ) {}

  /**
   * One delivery per endpoint of the member subscribed to the event's type, written in the event
   * consumer's transaction: pending for an active endpoint, held for a disabled one (sent when it is
   * enabled again, so a receiver that was down for long loses nothing). The webhook-id is derived
   * from (event, endpoint), so it is the same whenever that pair is delivered; the unique key keeps
   * one delivery per pair.
   */
  async enqueue(manager: EntityManager, event: WebhookEvent): Promise<number> {
    const body: WebhookBody = { type: event.type, timestamp: event.occurredAt, data: { ...event.data } };
    const inserted: unknown[] = await manager.query(
      `INSERT INTO webhook_delivery (id, endpoint_id, member_id, event_id, event_type, ordering_key, occurred_at, webhook_id, payload, status)
       SELECT gen_random_uuid(), e.id, e.member_id, $2::uuid, $3::text, $4::text, $5::timestamptz,
              'msg_' || substr(encode(sha256(convert_to($2::uuid::text || ':' || e.id::text, 'UTF8')), 'hex'), 1, 32), $6::text,
              CASE WHEN e.status = 'active' THEN 'pending' ELSE 'held' END
       FROM webhook_endpoint e
       WHERE e.member_id = $1::uuid AND $3::text = ANY (e.event_types)
       ON CONFLICT ON CONSTRAINT webhook_delivery_event_endpoint_key DO NOTHING
       RETURNING id`,
      [event.memberId, event.eventId, event.type, event.requestId, event.occurredAt, JSON.stringify(body)],
    );
    return inserted.length;
  }

  async list(query: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryPage> {
    const endpoint = await this.endpoints.find({ id: query.id, memberId: query.memberId });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const before = decodeSeqCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId', { endpointId: endpoint.id })
      .orderBy('d.seq', 'DESC')
      .take(limit + 1);
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (before) builder.andWhere('d.seq < :before', { before });
    const rows = await builder.getMany();
    const attempts = await this.attemptsOf(rows.map((row) => row.id));
    return toPage(rows, limit, (row) => toDeliveryView(row, attempts.get(row.id) ?? []));
  }

  /**
   * Sends a delivery again, with its original webhook-id, whatever its state: a finished one gets
   * a fresh retry schedule, a pending one becomes due now.
   */
  async replay(request: ReplayWebhookDeliveryRequest): Promise<WebhookDeliveryView> {
    const endpoint = await this.endpoints.find({ id: request.id, memberId: request.memberId });
    if (endpoint.status !== 'active') {
      throw new DomainException(ErrorCode.InvalidStateTransition, 'The endpoint is disabled: enable it before replaying its deliveries');
    }
    const [rows] = (await this.dataSource.query(
      `UPDATE webhook_delivery
       SET retry_step = CASE WHEN status = 'pending' THEN retry_step ELSE 0 END, status = 'pending', next_attempt_at = now()
       WHERE id = $1 AND endpoint_id = $2 RETURNING id`,
      [request.deliveryId, endpoint.id],
    )) as [Array<{ id: string }>, number];
    if (rows.length === 0) throw DomainException.notFound('Webhook delivery', request.deliveryId);
    const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: request.deliveryId });
    return toDeliveryView(delivery, (await this.attemptsOf([delivery.id])).get(delivery.id) ?? []);
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookAttemptEntity[]>> {
    const byDelivery = new Map<string, WebhookAttemptEntity[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const attempts = await this.dataSource.getRepository(WebhookAttemptEntity).find({ where: { deliveryId: In(deliveryIds) }, order: { id: 'ASC' } });
    for (const attempt of attempts) {
      const list = byDelivery.get(attempt.deliveryId);
      if (list) list.push(attempt);
      else byDelivery.set(attempt.deliveryId, [attempt]);
    }
    return byDelivery;
  }
}
