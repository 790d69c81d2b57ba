import { Injectable, Module } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import type { EventEnvelope } from '@coop/contracts';
import { MemberEvents, MemberRegisteredEvent } from '@coop/contracts';
import { createService, eventStreamName, namespacedSubject, OnEvent, ServiceConfig, ServiceKitModule } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { MembersAppModule } from '../../apps/members/src/app.module.js';
import { call } from '../support/http.js';
import { TestStack } from '../support/test-stack.js';

// Handler invocations per event id, kept outside the app so they survive its restarts.
const handled = new Map<string, number>();

@Injectable()
class MemberRegisteredProbe {
  @OnEvent(MemberEvents.registered)
  record(_data: MemberRegisteredEvent, envelope: EventEnvelope): void {
    handled.set(envelope.id, (handled.get(envelope.id) ?? 0) + 1);
  }
}

@Module({ providers: [MemberRegisteredProbe] })
class ProbeModule {}

/** A consumer service of its own (schema "probe") with one durable handler. */
function probeService(env: NodeJS.ProcessEnv) {
  const module = {
    module: ProbeModule,
    imports: [ServiceKitModule.forService({ service: 'notifications', config: ServiceConfig, env, database: { schema: 'probe', entities: [], migrations: [] } })],
  };
  return createService('notifications', module, env);
}

describe('durable events (outbox -> JetStream -> durable consumer)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'gateway']);
  });
  afterAll(() => stack.dispose());

  const registerMember = async (name: string) => {
    const response = await call<{ id: string }>(stack.gatewayUrl(), 'POST', '/v1/members', {
      body: { name, sector: 'food', language: 'fr', region: 'estrie', contactEmail: 'contact@food.example' },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };

  const eventIdsOf = async (memberIds: string[]) => {
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        "SELECT id FROM members.outbox_event WHERE envelope->'data'->>'memberId' = ANY($1) ORDER BY seq",
        [memberIds],
      );
      return rows.map((row) => row.id);
    } finally {
      await client.end();
    }
  };

  it('handles events emitted while the consumer was down exactly once after it comes back', async () => {
    const consumer = await probeService(stack.env);
    const first = await eventIdsOf([await registerMember('Avant la panne')]);
    await eventually(() => expect(handled.get(first[0])).toBe(1));
    await consumer.close();

    const whileDown = await eventIdsOf([await registerMember('Pendant la panne 1'), await registerMember('Pendant la panne 2')]);
    expect(whileDown).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(whileDown.map((id) => handled.get(id))).toEqual([undefined, undefined]);

    const restarted = await probeService(stack.env);
    try {
      await eventually(() => expect(whileDown.map((id) => handled.get(id))).toEqual([1, 1]));
      expect(handled.get(first[0])).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('does not apply a redelivered event twice', async () => {
    const consumer = await probeService(stack.env);
    try {
      const [eventId] = await eventIdsOf([await registerMember('Livraison en double')]);
      await eventually(() => expect(handled.get(eventId)).toBe(1));

      // Deliver the very same event again, past JetStream's own de-duplication (another msg id),
      // as a redelivery after a lost ack would.
      const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ envelope: EventEnvelope }>('SELECT envelope FROM members.outbox_event WHERE id = $1', [eventId]);
      await client.end();
      const nc = await connect({ servers: stack.env.NATS_URL });
      await jetstream(nc).publish(namespacedSubject(stack.environment.namespace, MemberEvents.registered.subject), JSON.stringify(rows[0].envelope), {
        msgID: `${eventId}-again`,
      });
      const marker = await eventIdsOf([await registerMember('Après le doublon')]);
      await nc.close();

      // The consumer handles in stream order: once the later event is handled, the duplicate was seen.
      await eventually(() => expect(handled.get(marker[0])).toBe(1));
      expect(handled.get(eventId)).toBe(1);
    } finally {
      await consumer.close();
    }
  });

  it('publishes and handles every event exactly once with two replicas of each service', async () => {
    const secondMembers = await createService('members', MembersAppModule.forRoot(stack.env), stack.env);
    const consumers = [await probeService(stack.env), await probeService(stack.env)];
    try {
      const memberIds = await Promise.all(Array.from({ length: 40 }, (_, i) => registerMember(`Réplique ${i}`)));
      const eventIds = await eventIdsOf(memberIds);
      expect(eventIds).toHaveLength(40);

      await eventually(() => expect(eventIds.map((id) => handled.get(id))).toEqual(eventIds.map(() => 1)));
      const nc = await connect({ servers: stack.env.NATS_URL });
      const jsm = await jetstreamManager(nc);
      const published = new Set<string>();
      for (let seq = 1; seq <= (await jsm.streams.info(eventStreamName(stack.environment.namespace))).state.last_seq; seq++) {
        const message = await jsm.streams.getMessage(eventStreamName(stack.environment.namespace), { seq });
        if (message) published.add(message.json<EventEnvelope>().id);
      }
      await nc.close();
      expect(eventIds.filter((id) => published.has(id))).toHaveLength(40);
    } finally {
      await Promise.all([...consumers.map((c) => c.close()), secondMembers.close()]);
    }
  });
});
