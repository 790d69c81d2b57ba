import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import { DataSource, EntityManager, In } from 'typeorm';
import { NotificationsConfig } from '../config.js';
import { Lease, LeasedQueue } from '../delivery/leased-queue.js';
import { PollingWorker } from '../delivery/polling-worker.js';
import { RetryPolicy } from '../delivery/retry-policy.js';
import { FeedService } from '../feed/feed.service.js';
import { publicOnlyLookup } from './public-address.js';
import { SecretBox } from './secret-box.js';
import { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { postWebhook, SendOutcome } from './webhook-sender.js';

// A worker holds a delivery for the HTTP timeout plus this, then another may take it over.
const LEASE_MARGIN_MS = 30_000;
const USER_AGENT = 'coop-expertise-matching-webhooks/1';

// A delivery waits while an earlier one for the same request and endpoint is still pending.
// "Earlier" is the event's occurredAt (ties: arrival). One replica consumes events in stream order,
// so the order is exact; with several, two events of one request consumed at the same instant by
// two replicas could be recorded after the later one was already sent (then it is sent late).
const IN_ORDER = `e.status = 'active' AND NOT EXISTS (
  SELECT 1 FROM webhook_delivery p
  WHERE p.endpoint_id = c.endpoint_id AND p.ordering_key = c.ordering_key AND p.status = 'pending'
    AND (p.occurred_at, p.seq) < (c.occurred_at, c.seq))`;

/**
 * Sends due webhook deliveries, signed per Standard Webhooks, and records every attempt. Safe with
 * several replicas (leased rows); at least once (a lost lease means a resend with the same
 * webhook-id); per request and endpoint in order of occurrence. An endpoint that keeps failing is
 * disabled and the admins are told in the coordinator feed.
 */
@Injectable()
export class WebhookDispatcher extends PollingWorker {
  protected readonly logger = new Logger(WebhookDispatcher.name);
  private readonly queue: LeasedQueue;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly secrets: SecretBox,
    private readonly feed: FeedService,
  ) {
    super(config.DELIVERY_POLL_MS);
    const retry = new RetryPolicy(config.retrySchedule, config.DELIVERY_RETRY_JITTER);
    this.queue = new LeasedQueue('webhook_delivery', retry, config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS);
  }

  protected async runOnce(): Promise<boolean> {
    const batchSize = this.config.DELIVERY_BATCH_SIZE;
    const leases = await this.queue.claim(this.dataSource, batchSize, { join: 'JOIN webhook_endpoint e ON e.id = c.endpoint_id', where: IN_ORDER });
    if (leases.length === 0) return false;
    const deliveries = await this.dataSource.getRepository(WebhookDeliveryEntity).find({ where: { id: In(leases.map((l) => l.id)) }, relations: { endpoint: true } });
    const byId = new Map(deliveries.map((delivery) => [delivery.id, delivery]));
    await Promise.all(leases.map((lease) => this.deliver(lease, byId.get(lease.id))));
    return leases.length === batchSize;
  }

  private async deliver(lease: Lease, delivery: WebhookDeliveryEntity | undefined): Promise<void> {
    if (!delivery?.endpoint) return; // deleted with its endpoint meanwhile
    const attemptedAt = new Date();
    let outcome: SendOutcome;
    try {
      outcome = await this.send(delivery, delivery.endpoint, attemptedAt);
    } catch (error) {
      outcome = { statusCode: null, latencyMs: 0, succeeded: false, error: `not sent: ${(error as Error).message}` };
    }
    try {
      await this.dataSource.transaction((manager) => this.record(manager, lease, delivery, attemptedAt, outcome));
    } catch (error) {
      // The lease runs out and the delivery is sent again: at least once.
      this.logger.error({ msg: 'could not record a webhook attempt', deliveryId: delivery.id, err: error });
    }
  }

  private send(delivery: WebhookDeliveryEntity, endpoint: WebhookEndpointEntity, attemptedAt: Date): Promise<SendOutcome> {
    const secret = this.secrets.open(endpoint.secretSealed, endpoint.id);
    const headers = {
      'webhook-id': delivery.webhookId,
      'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(delivery.webhookId, attemptedAt, delivery.payload),
      'user-agent': USER_AGENT,
    };
    return postWebhook(endpoint.url, delivery.payload, headers, {
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      lookup: this.config.WEBHOOK_ALLOW_PRIVATE_URLS ? undefined : publicOnlyLookup,
    });
  }

  private async record(manager: EntityManager, lease: Lease, delivery: WebhookDeliveryEntity, attemptedAt: Date, outcome: SendOutcome): Promise<void> {
    await manager.insert(WebhookAttemptEntity, {
      deliveryId: delivery.id,
      attemptedAt,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      succeeded: outcome.succeeded,
      error: outcome.error,
    });
    if (outcome.succeeded) {
      if (await this.queue.succeeded(manager, lease)) {
        await manager.update(WebhookDeliveryEntity, { id: delivery.id }, { deliveredAt: attemptedAt });
      }
      await manager.query('UPDATE webhook_endpoint SET consecutive_failures = 0, failing_since = NULL WHERE id = $1 AND consecutive_failures > 0', [
        delivery.endpointId,
      ]);
      return;
    }
    const state = await this.queue.failed(manager, lease);
    this.logger.warn({ msg: 'webhook attempt failed', deliveryId: delivery.id, endpointId: delivery.endpointId, error: outcome.error, next: state });
    await this.countFailure(manager, delivery.endpointId, attemptedAt);
  }

  private async countFailure(manager: EntityManager, endpointId: string, attemptedAt: Date): Promise<void> {
    const [rows] = (await manager.query(
      `UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, $2)
       WHERE id = $1 RETURNING consecutive_failures, failing_since, status`,
      [endpointId, attemptedAt],
    )) as [Array<{ consecutive_failures: number; failing_since: Date; status: string }>, number];
    const endpoint = rows[0];
    if (!endpoint || endpoint.status !== 'active') return;
    const failingForMs = attemptedAt.getTime() - new Date(endpoint.failing_since).getTime();
    const tooMany = this.config.WEBHOOK_DISABLE_AFTER_FAILURES > 0 && endpoint.consecutive_failures >= this.config.WEBHOOK_DISABLE_AFTER_FAILURES;
    if (tooMany || failingForMs >= this.config.webhookDisableAfterMs) {
      const since = new Date(endpoint.failing_since).toISOString();
      await this.disable(manager, endpointId, `failing since ${since}, ${endpoint.consecutive_failures} failed attempts in a row`);
    }
  }

  /**
   * Stops deliveries to the endpoint and tells the admins; its pending deliveries, and those of
   * events to come, are held until it is enabled again.
   */
  private async disable(manager: EntityManager, endpointId: string, reason: string): Promise<void> {
    const [rows] = (await manager.query(
      `UPDATE webhook_endpoint SET status = 'disabled', disabled_at = now(), disabled_reason = $2
       WHERE id = $1 AND status = 'active' RETURNING member_id, url, disabled_at`,
      [endpointId, reason],
    )) as [Array<{ member_id: string; url: string; disabled_at: Date }>, number];
    const disabled = rows[0];
    if (!disabled) return;
    await manager.query(
      `UPDATE webhook_delivery SET status = 'held', locked_until = NULL, lease_token = NULL WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId],
    );
    await this.feed.record(manager, {
      kind: 'webhook_endpoint_disabled',
      audience: 'admins',
      sourceKey: `webhook-endpoint-disabled:${endpointId}:${new Date(disabled.disabled_at).toISOString()}`,
      memberId: disabled.member_id,
      data: { endpointId, memberId: disabled.member_id, url: disabled.url, reason },
    });
    this.logger.warn({ msg: 'webhook endpoint disabled', endpointId, reason });
  }
}
