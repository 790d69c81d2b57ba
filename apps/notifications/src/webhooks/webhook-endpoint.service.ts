import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CreatedWebhookEndpointView,
  CreateWebhookEndpointRequest,
  DomainException,
  EnabledWebhookEndpointView,
  EnableWebhookEndpointRequest,
  ListWebhookEndpointsRequest,
  MemberRpc,
  WebhookEndpointPage,
  WebhookEndpointRef,
  WebhookEndpointView,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { NotificationsConfig } from '../config.js';
import { decodeSeqCursor, DEFAULT_PAGE_SIZE, toPage } from '../pagination/seq-cursor.js';
import { nonPublicHostReason } from './public-address.js';
import { SecretBox } from './secret-box.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { toEndpointView } from './webhook-views.js';

const SECRET_BYTES = 32;

/** Members' webhook endpoints. A lookup scoped to a member finds only that member's endpoints. */
@Injectable()
export class WebhookEndpointService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly rpc: RpcClient,
    private readonly secrets: SecretBox,
  ) {}

  async create(request: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpointView> {
    await this.assertDeliverable(request.url);
    await this.rpc.send(MemberRpc.get, { id: request.memberId }); // an unknown member is "not found"
    const id = randomUUID();
    // Standard Webhooks secret: "whsec_" and the base64 key; shown once, kept only encrypted.
    const secret = `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
    const repository = this.dataSource.getRepository(WebhookEndpointEntity);
    const endpoint = await repository.save(
      repository.create({
        id,
        memberId: request.memberId,
        url: request.url,
        eventTypes: request.eventTypes,
        description: request.description ?? null,
        secretSealed: this.secrets.seal(secret, id),
      }),
    );
    return { ...toEndpointView(endpoint), secret };
  }

  /** The endpoint, if the caller may see it; otherwise "not found" (never "forbidden"). */
  async find(ref: WebhookEndpointRef): Promise<WebhookEndpointEntity> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id: ref.id });
    if (!endpoint || (ref.memberId !== undefined && endpoint.memberId !== ref.memberId)) {
      throw DomainException.notFound('Webhook endpoint', ref.id);
    }
    return endpoint;
  }

  async get(ref: WebhookEndpointRef): Promise<WebhookEndpointView> {
    return toEndpointView(await this.find(ref));
  }

  async list(query: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeSeqCursor(query.cursor);
    const builder = this.dataSource.getRepository(WebhookEndpointEntity).createQueryBuilder('e').orderBy('e.seq', 'ASC').take(limit + 1);
    if (query.memberId) builder.andWhere('e.member_id = :memberId', { memberId: query.memberId });
    if (after) builder.andWhere('e.seq > :after', { after });
    return toPage(await builder.getMany(), limit, toEndpointView);
  }

  /** Removes the endpoint with its deliveries and their log; nothing more is sent to it. */
  async delete(ref: WebhookEndpointRef): Promise<WebhookEndpointView> {
    const endpoint = await this.find(ref);
    await this.dataSource.getRepository(WebhookEndpointEntity).delete({ id: endpoint.id });
    return toEndpointView(endpoint);
  }

  /**
   * Turns an endpoint back on with a clean failure record and, unless told not to, sends again what
   * it missed: the deliveries held while it was disabled and those whose retries ran out since it
   * began failing, with their original webhook-ids (in order: the dispatcher keeps each request's
   * events in sequence). Without the replay, held deliveries are given up (`failed`), still replayable one by one.
   */
  async enable(request: EnableWebhookEndpointRequest): Promise<EnabledWebhookEndpointView> {
    const { id } = await this.find(request);
    const replayedDeliveries = await this.dataSource.transaction(async (manager) => {
      // Locked, so that a delivery the dispatcher is disabling it for meanwhile is not missed.
      const endpoint = await manager.findOneOrFail(WebhookEndpointEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      await manager.update(WebhookEndpointEntity, { id: endpoint.id }, { status: 'active', disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null });
      if (request.replayMissed === false) {
        await manager.query(`UPDATE webhook_delivery SET status = 'failed' WHERE endpoint_id = $1 AND status = 'held'`, [endpoint.id]);
        return 0;
      }
      const [rows] = (await manager.query(
        `UPDATE webhook_delivery SET status = 'pending', retry_step = 0, next_attempt_at = now(), locked_until = NULL, lease_token = NULL
         WHERE endpoint_id = $1 AND (status = 'held' OR (status = 'failed' AND EXISTS (
           SELECT 1 FROM webhook_attempt a WHERE a.delivery_id = webhook_delivery.id AND a.attempted_at >= $2::timestamptz)))
         RETURNING id`,
        [endpoint.id, endpoint.failingSince],
      )) as [unknown[], number];
      return rows.length;
    });
    return { ...(await this.get(request)), replayedDeliveries };
  }

  private async assertDeliverable(url: string): Promise<void> {
    // http(s) only is already checked by the payload's validation.
    if (this.config.WEBHOOK_ALLOW_PRIVATE_URLS) return;
    const reason = await nonPublicHostReason(new URL(url).hostname);
    if (reason) throw DomainException.validation([{ field: 'url', message: `url is refused: ${reason}` }]);
  }
}
