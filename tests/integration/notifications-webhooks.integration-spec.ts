import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  AssignmentEvents,
  RequestEvents,
  WEBHOOK_EVENT_TYPES,
  type CoordinatorNotificationPage,
  type CreatedWebhookEndpointView,
  type EnabledWebhookEndpointView,
  type EventEnvelope,
  type WebhookDeliveryPage,
  type WebhookEndpointPage,
  type WebhookEndpointView,
  type WebhookEventType,
} from '@coop/contracts';
import { createService } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { NotificationsAppModule } from '../../apps/notifications/src/app.module.js';
import { issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { LifecycleEventEmitter } from '../support/lifecycle-events.js';
import { TestStack } from '../support/test-stack.js';
import { ReceivedWebhook, Responder, WebhookReceiver } from '../support/webhook-receiver.js';

const RETRY_MS = 150;
const RETRIES = 8;

interface Body {
  type: WebhookEventType;
  timestamp: string;
  data: { requestId: string; [field: string]: unknown };
}

const parse = (webhook: Pick<ReceivedWebhook, 'body'>): Body => JSON.parse(webhook.body) as Body;
const typesOf = (webhooks: ReceivedWebhook[]) => webhooks.map((webhook) => parse(webhook).type);
const about = (requestId: string) => (webhook: Pick<ReceivedWebhook, 'body'>) => parse(webhook).data.requestId === requestId;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('notifications: signed webhooks to partner systems', () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let events: LifecycleEventEmitter;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'notifications', 'gateway'], {
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_SCHEDULE: Array(RETRIES).fill(`${RETRY_MS}ms`).join(','),
      DELIVERY_RETRY_JITTER: '0',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_DISABLE_AFTER_FAILURES: String(RETRIES),
    });
    receiver = await WebhookReceiver.start();
    events = await LifecycleEventEmitter.connect(stack.env.NATS_URL!, stack.environment.namespace);
  });
  afterAll(async () => {
    await events?.close();
    await receiver?.stop();
    await stack?.dispose();
  });

  const gateway = () => stack.gatewayUrl();

  const registerMember = async (name: string): Promise<string> => {
    const response = await call<{ id: string }>(gateway(), 'POST', '/v1/members', {
      body: { name, sector: 'housing', language: 'fr', region: 'quebec', contactEmail: 'contact@coop.example' },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };

  const registerEndpoint = async (memberId: string, path: string, options: { eventTypes?: WebhookEventType[]; responder?: Responder } = {}) => {
    const response = await call<CreatedWebhookEndpointView>(gateway(), 'POST', '/v1/webhooks', {
      body: { memberId, url: receiver.endpoint(path, options.responder), eventTypes: options.eventTypes ?? [...WEBHOOK_EVENT_TYPES] },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  const submit = (requestId: string, memberId: string) =>
    events.emit(RequestEvents.submitted, {
      requestId,
      memberId,
      domain: 'legal',
      title: 'Règlements généraux : analyse d’un jugement',
      description: 'Analyse et libellé révisé',
      startDate: '2027-03-01',
      endDate: '2027-04-15',
      estimatedHours: 60,
      language: 'fr',
      onSite: false,
      urgency: 'high',
      autoAssign: true,
      submittedAt: new Date().toISOString(),
    });

  const assign = (requestId: string, memberId: string, assignmentId = randomUUID()) =>
    events.emit(RequestEvents.assigned, { requestId, memberId, assignmentId, professionalId: randomUUID(), hours: 60, estimatedCost: 5400, automatic: true });

  const deliveriesOf = async (endpointId: string) => {
    const response = await call<WebhookDeliveryPage>(gateway(), 'GET', `/v1/webhooks/${endpointId}/deliveries`);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  it('registers an endpoint and shows its whsec_ signing secret only once', async () => {
    const memberId = await registerMember('Fédération des coopératives d’habitation');

    const created = await registerEndpoint(memberId, '/registered', { eventTypes: ['request.assigned'] });
    const read = await call<WebhookEndpointView>(gateway(), 'GET', `/v1/webhooks/${created.id}`);
    const listed = await call<WebhookEndpointPage>(gateway(), 'GET', `/v1/webhooks?memberId=${memberId}`);

    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.id, memberId, eventTypes: ['request.assigned'], status: 'active' });
    expect(read.body).not.toHaveProperty('secret');
    expect(listed.body.items.map((endpoint) => endpoint.id)).toEqual([created.id]);
    expect(listed.body.items[0]).not.toHaveProperty('secret');
  });

  it('refuses a URL that is not http(s) and an unknown event type, naming the field', async () => {
    const memberId = await registerMember('Fédération des coopératives funéraires');

    const ftp = await call<{ errors: { field: string }[] }>(gateway(), 'POST', '/v1/webhooks', {
      body: { memberId, url: 'ftp://127.0.0.1/hooks', eventTypes: ['request.assigned'] },
    });
    const unknownType = await call<{ errors: { field: string }[] }>(gateway(), 'POST', '/v1/webhooks', {
      body: { memberId, url: receiver.endpoint('/x'), eventTypes: ['request.exploded'] },
    });

    expect(ftp.status).toBe(400);
    expect(ftp.body.errors.map((e) => e.field)).toEqual(['url']);
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors.map((e) => e.field)).toEqual(['eventTypes']);
  });

  it("delivers each request's events in order of occurrence, signed so the library's verifier accepts them", async () => {
    const memberId = await registerMember('Réseau des coopératives scolaires');
    const [requestA, requestB] = [randomUUID(), randomUUID()];
    let failedFirstOfA = false;
    // The first attempt of A's first event fails: A's later events must wait for it, B's need not.
    const all = await registerEndpoint(memberId, '/life', {
      responder: (_n, webhook) => (about(requestA)(webhook) && !failedFirstOfA ? ((failedFirstOfA = true), 500) : 200),
    });
    const assignedOnly = await registerEndpoint(memberId, '/life-assigned', { eventTypes: ['request.assigned'] });

    const emitted: EventEnvelope<object>[] = [await submit(requestA, memberId), await submit(requestB, memberId)];
    const assignedA = await assign(requestA, memberId);
    emitted.push(
      assignedA,
      await events.emit(RequestEvents.unmatched, { requestId: requestB, memberId, reason: 'nobody speaks the language' }),
      await events.emit(AssignmentEvents.declined, {
        assignmentId: assignedA.data.assignmentId,
        requestId: requestA,
        memberId,
        professionalId: assignedA.data.professionalId,
        reason: 'sick leave',
      }),
      await assign(requestA, memberId),
      await events.emit(RequestEvents.cancelled, { requestId: requestB, memberId, reason: 'solved internally' }),
      await events.emit(AssignmentEvents.completed, { assignmentId: randomUUID(), requestId: requestA, memberId, professionalId: randomUUID(), hoursSpent: 55, cost: 4950 }),
    );

    await eventually(() => expect(receiver.on('/life').filter((w) => w.status === 200)).toHaveLength(emitted.length));
    await eventually(() => expect(receiver.on('/life-assigned')).toHaveLength(2));

    const life = receiver.on('/life');
    expect(typesOf(life.filter(about(requestA)))).toEqual([
      'request.submitted', // answered 500
      'request.submitted',
      'request.assigned',
      'assignment.declined',
      'request.assigned',
      'assignment.completed',
    ]);
    expect(typesOf(life.filter(about(requestB)))).toEqual(['request.submitted', 'request.unmatched', 'request.cancelled']);
    expect(typesOf(receiver.on('/life-assigned'))).toEqual(['request.assigned', 'request.assigned']);

    const verifier = new Webhook(all.secret);
    for (const webhook of life) {
      const verified = verifier.verify(webhook.body, webhook.headers) as Body;
      const source = emitted.find((envelope) => isDeepStrictEqual(envelope.data, verified.data));
      expect(source?.occurredAt).toBe(verified.timestamp);
    }
    for (const webhook of receiver.on('/life-assigned')) expect(() => new Webhook(assignedOnly.secret).verify(webhook.body, webhook.headers)).not.toThrow();

    const [failed, retried] = life.filter(about(requestA)).slice(0, 2);
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(new Set(life.map((webhook) => webhook.headers['webhook-id'])).size).toBe(emitted.length);

    const sample = life[life.length - 1];
    const tampered = sample.body.replace('"hoursSpent":55', '"hoursSpent":5');
    expect(tampered).not.toBe(sample.body);
    expect(() => verifier.verify(tampered, sample.headers)).toThrow(WebhookVerificationError);
    const stale = { ...sample.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 10 * 60) };
    expect(() => verifier.verify(sample.body, stale)).toThrow('Message timestamp too old');
  });

  it('gets a receiver that answers 500 three times, then 200, the event once, with the same webhook-id every time', async () => {
    const memberId = await registerMember('Fédération des coopératives de travail');
    const endpoint = await registerEndpoint(memberId, '/flaky', { responder: (n) => (n <= 3 ? 500 : 200) });

    await submit(randomUUID(), memberId);

    await eventually(() => expect(receiver.on('/flaky')).toHaveLength(4));
    await sleep(4 * RETRY_MS);
    const calls = receiver.on('/flaky');
    expect(calls.map((webhook) => webhook.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(calls.map((webhook) => webhook.headers['webhook-id'])).size).toBe(1);

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 4, webhookId: calls[0].headers['webhook-id'], eventType: 'request.submitted' });
    expect(delivery.attempts.map((attempt) => [attempt.statusCode, attempt.succeeded, attempt.error])).toEqual([
      [500, false, 'HTTP 500'],
      [500, false, 'HTTP 500'],
      [500, false, 'HTTP 500'],
      [200, true, null],
    ]);
    // Each attempt's latency is measured and within the test's 2 s delivery timeout.
    for (const attempt of delivery.attempts) expect(attempt.latencyMs).toBeLessThan(2000);
  });

  it('loses nothing when the notifications service stops in the middle of retries', async () => {
    const memberId = await registerMember('Fédération des coopératives agricoles');
    const requestId = randomUUID();
    let receiverIsUp = false;
    await registerEndpoint(memberId, '/restart', { responder: () => (receiverIsUp ? 200 : 500) });

    await submit(requestId, memberId);
    await eventually(() => expect(receiver.on('/restart').length).toBeGreaterThanOrEqual(1));
    await stack.stopPart('notifications');
    const attemptsBeforeStop = receiver.on('/restart').length;
    await assign(requestId, memberId); // waits in the event stream while the service is down
    await sleep(3 * RETRY_MS);
    expect(receiver.on('/restart')).toHaveLength(attemptsBeforeStop);

    receiverIsUp = true;
    await stack.startPart('notifications');

    await eventually(() => expect(typesOf(receiver.on('/restart').filter((w) => w.status === 200))).toEqual(['request.submitted', 'request.assigned']));
    const calls = receiver.on('/restart');
    const submittedIds = new Set(calls.filter((w) => parse(w).type === 'request.submitted').map((w) => w.headers['webhook-id']));
    expect(submittedIds.size).toBe(1);
    expect(calls.filter((w) => parse(w).type === 'request.assigned')).toHaveLength(1);
  });

  it('sends each delivery once with two replicas of the service running', async () => {
    const replica = await createService('notifications', NotificationsAppModule.forRoot(stack.env), stack.env);
    try {
      const memberId = await registerMember('Réseau des coopératives alimentaires');
      await registerEndpoint(memberId, '/replicas');

      for (let i = 0; i < 12; i += 1) await submit(randomUUID(), memberId);

      await eventually(() => expect(receiver.on('/replicas')).toHaveLength(12));
      await sleep(4 * RETRY_MS);
      const calls = receiver.on('/replicas');
      expect(calls).toHaveLength(12);
      expect(new Set(calls.map((webhook) => webhook.headers['webhook-id'])).size).toBe(12);
    } finally {
      await replica.close();
    }
  });

  it('disables an endpoint that keeps failing, tells the admins, and replays with the original webhook-id once enabled', async () => {
    const memberId = await registerMember('Fédération des coopératives forestières');
    let receiverIsUp = false;
    const endpoint = await registerEndpoint(memberId, '/down', { responder: () => (receiverIsUp ? 200 : 500) });
    const coordinatorKey = (await issueKey(gateway(), 'coordinator')).key;

    await submit(randomUUID(), memberId);

    const disabled = await eventually(async () => {
      const read = await call<WebhookEndpointView>(gateway(), 'GET', `/v1/webhooks/${endpoint.id}`);
      expect(read.body.status).toBe('disabled');
      return read.body;
    });
    expect(disabled.disabledReason).toContain(`${RETRIES} failed attempts in a row`);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery.status).toBe('held');

    const adminFeed = await call<CoordinatorNotificationPage>(gateway(), 'GET', '/v1/notifications?unread=true');
    const entry = adminFeed.body.items.find((item) => item.kind === 'webhook_endpoint_disabled' && item.data.endpointId === endpoint.id);
    expect(entry).toMatchObject({ audience: 'admins', memberId });
    expect(entry?.message).toContain(endpoint.url);
    const coordinatorFeed = await call<CoordinatorNotificationPage>(gateway(), 'GET', '/v1/notifications', { key: coordinatorKey });
    expect(coordinatorFeed.status).toBe(200);
    expect(coordinatorFeed.body.items.some((item) => item.kind === 'webhook_endpoint_disabled')).toBe(false);

    const replayWhileDisabled = await call(gateway(), 'POST', `/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/replay`);
    expect(replayWhileDisabled.status).toBe(409);

    receiverIsUp = true;
    const enabled = await call<EnabledWebhookEndpointView>(gateway(), 'POST', `/v1/webhooks/${endpoint.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'active', replayedDeliveries: 1 });

    await eventually(() => expect(receiver.on('/down').filter((w) => w.status === 200)).toHaveLength(1));
    expect(new Set(receiver.on('/down').map((w) => w.headers['webhook-id']))).toEqual(new Set([delivery.webhookId]));
    await eventually(async () => expect((await deliveriesOf(endpoint.id))[0].status).toBe('succeeded'));
  });

  it("BOLA: a partner cannot list, read, replay or delete another member's webhooks (404)", async () => {
    const [ownMember, otherMember] = [await registerMember('Coopérative partenaire'), await registerMember('Autre fédération')];
    const asPartner = { key: (await issueKey(gateway(), 'partner', ownMember)).key };
    const own = await registerEndpoint(ownMember, '/own');
    const other = await registerEndpoint(otherMember, '/other');
    await submit(randomUUID(), otherMember);
    await eventually(() => expect(receiver.on('/other')).toHaveLength(1));
    const [otherDelivery] = await deliveriesOf(other.id);

    const listed = await call<WebhookEndpointPage>(gateway(), 'GET', '/v1/webhooks', asPartner);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((endpoint) => endpoint.id)).toEqual([own.id]);
    const attempts = [
      await call(gateway(), 'GET', `/v1/webhooks?memberId=${otherMember}`, asPartner),
      await call(gateway(), 'GET', `/v1/webhooks/${other.id}`, asPartner),
      await call(gateway(), 'GET', `/v1/webhooks/${other.id}/deliveries`, asPartner),
      await call(gateway(), 'POST', `/v1/webhooks/${other.id}/deliveries/${otherDelivery.id}/replay`, asPartner),
      await call(gateway(), 'POST', `/v1/webhooks/${own.id}/deliveries/${otherDelivery.id}/replay`, asPartner),
      await call(gateway(), 'POST', `/v1/webhooks/${other.id}/enable`, asPartner),
      await call(gateway(), 'DELETE', `/v1/webhooks/${other.id}`, asPartner),
      await call(gateway(), 'POST', '/v1/webhooks', { ...asPartner, body: { memberId: otherMember, url: receiver.endpoint('/stolen'), eventTypes: ['request.assigned'] } }),
    ];
    expect(attempts.map((response) => response.status)).toEqual(Array(attempts.length).fill(404));

    await sleep(4 * RETRY_MS);
    expect(receiver.on('/other')).toHaveLength(1); // nothing was replayed
    expect((await call(gateway(), 'GET', `/v1/webhooks/${other.id}`)).status).toBe(200); // nor deleted

    const mine = await call<CreatedWebhookEndpointView>(gateway(), 'POST', '/v1/webhooks', {
      ...asPartner,
      body: { url: receiver.endpoint('/mine'), eventTypes: ['request.cancelled'] },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.memberId).toBe(ownMember);
    expect((await call(gateway(), 'DELETE', `/v1/webhooks/${mine.body.id}`, asPartner)).status).toBe(204);
    expect((await call(gateway(), 'GET', `/v1/webhooks/${mine.body.id}`, asPartner)).status).toBe(404);
  });
});
