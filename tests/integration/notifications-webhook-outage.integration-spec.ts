import { randomUUID } from 'node:crypto';
import {
  RequestEvents,
  type CreatedWebhookEndpointView,
  type EnabledWebhookEndpointView,
  type WebhookDeliveryPage,
  type WebhookEndpointView,
} from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { LifecycleEventEmitter } from '../support/lifecycle-events.js';
import { TestStack } from '../support/test-stack.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

// Each delivery gets three attempts (its retry window); the endpoint is disabled after five
// failures in a row: a receiver down long enough outlives both.
const RETRY_SCHEDULE = '100ms,100ms';
const DISABLE_AFTER_FAILURES = 5;

describe('notifications: a receiver down for longer than the retry window loses nothing', () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let events: LifecycleEventEmitter;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'notifications', 'gateway'], {
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_SCHEDULE: RETRY_SCHEDULE,
      DELIVERY_RETRY_JITTER: '0',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_DISABLE_AFTER_FAILURES: String(DISABLE_AFTER_FAILURES),
    });
    receiver = await WebhookReceiver.start();
    events = await LifecycleEventEmitter.connect(stack.env.NATS_URL!, stack.environment.namespace);
  });
  afterAll(async () => {
    await events?.close();
    await receiver?.stop();
    await stack?.dispose();
  });

  const cancel = (requestId: string, memberId: string) => events.emit(RequestEvents.cancelled, { requestId, memberId, reason: 'reporté' });

  it('disables the endpoint, shows the partner why, holds what happens meanwhile, and sends it all with the original webhook-ids once enabled', async () => {
    const url = stack.gatewayUrl();
    const member = await createMember(url, { sector: 'housing', autoAssign: false });
    const partner = { key: (await issueKey(url, 'partner', member.id)).key };
    let receiverIsUp = false;
    const endpoint = (
      await call<CreatedWebhookEndpointView>(url, 'POST', '/v1/webhooks', {
        ...partner,
        body: { url: receiver.endpoint('/outage', () => (receiverIsUp ? 200 : 503)), eventTypes: ['request.cancelled'] },
      })
    ).body;
    const deliveries = async () => (await call<WebhookDeliveryPage>(url, 'GET', `/v1/webhooks/${endpoint.id}/deliveries`, partner)).body.items.reverse();
    const requests = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

    // The first event's delivery uses up its retries while the endpoint is still on.
    await cancel(requests[0], member.id);
    await eventually(async () => expect((await deliveries()).map((d) => d.status)).toEqual(['failed']));
    // The second's failures disable the endpoint; the next two happen while it is off.
    await cancel(requests[1], member.id);
    const disabled = await eventually(async () => {
      const read = await call<WebhookEndpointView>(url, 'GET', `/v1/webhooks/${endpoint.id}`, partner);
      expect(read.body.status).toBe('disabled');
      return read.body;
    });
    await cancel(requests[2], member.id);
    await cancel(requests[3], member.id);
    await eventually(async () => expect((await deliveries()).map((d) => d.status)).toEqual(['failed', 'held', 'held', 'held']));

    expect(disabled.disabledReason).toMatch(new RegExp(`^failing since \\S+, ${DISABLE_AFTER_FAILURES} failed attempts in a row$`));
    const sentWhileDown = receiver.on('/outage').length;
    expect(sentWhileDown).toBe(DISABLE_AFTER_FAILURES);

    receiverIsUp = true;
    const enabled = await call<EnabledWebhookEndpointView>(url, 'POST', `/v1/webhooks/${endpoint.id}/enable`, partner);

    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'active', disabledReason: null, replayedDeliveries: 4 });
    const log = await eventually(async () => {
      const current = await deliveries();
      expect(current.map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
      return current;
    });
    // Each missed event once, under the webhook-id its delivery had from the start (events of
    // different requests keep no order between them).
    const delivered = receiver.on('/outage').slice(sentWhileDown);
    const byRequest = new Map(delivered.map((webhook) => [(JSON.parse(webhook.body) as { data: { requestId: string } }).data.requestId, webhook.headers['webhook-id']]));
    expect(delivered).toHaveLength(requests.length);
    expect(byRequest).toEqual(new Map(log.map((delivery) => [delivery.requestId, delivery.webhookId])));
    expect([...byRequest.keys()].sort()).toEqual([...requests].sort());
  });

  it('gives up what was held when the partner enables the endpoint without the replay', async () => {
    const url = stack.gatewayUrl();
    const member = await createMember(url, { sector: 'food', autoAssign: false });
    const partner = { key: (await issueKey(url, 'partner', member.id)).key };
    const endpoint = (
      await call<CreatedWebhookEndpointView>(url, 'POST', '/v1/webhooks', {
        ...partner,
        body: { url: receiver.endpoint('/abandoned', () => 500), eventTypes: ['request.cancelled'] },
      })
    ).body;
    for (let i = 0; i < 3; i += 1) await cancel(randomUUID(), member.id);
    await eventually(async () => expect((await call<WebhookEndpointView>(url, 'GET', `/v1/webhooks/${endpoint.id}`, partner)).body.status).toBe('disabled'));

    const enabled = await call<EnabledWebhookEndpointView>(url, 'POST', `/v1/webhooks/${endpoint.id}/enable?replayMissed=false`, partner);

    expect(enabled.body.replayedDeliveries).toBe(0);
    const log = (await call<WebhookDeliveryPage>(url, 'GET', `/v1/webhooks/${endpoint.id}/deliveries`, partner)).body.items;
    expect(log.every((delivery) => delivery.status === 'failed' || delivery.status === 'succeeded')).toBe(true);
    expect((await call(url, 'POST', `/v1/webhooks/${endpoint.id}/enable?replayMissed=maybe`, partner)).status).toBe(400);
  });
});
