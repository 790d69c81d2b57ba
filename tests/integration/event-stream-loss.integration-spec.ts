import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { CoordinatorNotificationPage, ServiceRequestView } from '@coop/contracts';
import { eventStreamName } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { requestBody } from '../support/request-bodies.js';
import { TestStack } from '../support/test-stack.js';

/**
 * NATS can come back without its store (a node replaced, a volume lost): the event stream and the
 * services' durable consumers are gone. The services must make them again and go on, unattended.
 */
describe('durable events: a lost event stream is made again', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'notifications', 'gateway']);
  });
  afterAll(() => stack?.dispose());

  const submitUrgent = async (partnerKey: string, title: string) => {
    const response = await call<ServiceRequestView>(stack.gatewayUrl(), 'POST', '/v1/requests', { key: partnerKey, body: requestBody({ title, urgency: 'critical' }) });
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const inFeed = (requestId: string) =>
    eventually(async () => {
      const feed = await call<CoordinatorNotificationPage>(stack.gatewayUrl(), 'GET', '/v1/notifications?limit=100');
      expect(feed.body.items.map((item) => item.requestId)).toContain(requestId);
    }, 30_000);

  it('publishes and consumes again after the stream and its consumers were deleted', async () => {
    const member = await createMember(stack.gatewayUrl(), { sector: 'housing', autoAssign: false });
    const partner = (await issueKey(stack.gatewayUrl(), 'partner', member.id)).key;
    // Members publishes request.submitted; notifications consumes it into the coordinator feed.
    await inFeed(await submitUrgent(partner, 'Congrès : avant la perte du flux'));

    const nc = await connect({ servers: stack.env.NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      expect(await jsm.streams.delete(eventStreamName(stack.environment.namespace))).toBe(true);
    } finally {
      await nc.close();
    }

    await inFeed(await submitUrgent(partner, 'Congrès : après la perte du flux'));
  });
});
