import { Injectable, Module } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EventEnvelope } from '@coop/contracts';
import { MemberEvents, MemberRegisteredEvent } from '@coop/contracts';
import { createService, eventStreamName, namespacedSubject, OnEvent, OutboxRelay, ServiceConfig, ServiceKitModule } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { MembersAppModule } from '../../apps/members/src/app.module.js';
import { call } from '../support/http.js';
import { TestStack } from '../support/test-stack.js';

// Handler invocations per event id, kept outside the app so they survive its restarts.
const handled = new Map<string, number>();
// Starts and ends of handlers, in the order they happened.
const timeline: string[] = [];
/** Events of members with this name take a while to handle. */
const SLOW = 'Traitement lent';

@Injectable()
class MemberRegisteredProbe {
  @OnEvent(MemberEvents.registered)
  async record(data: MemberRegisteredEvent, envelope: EventEnvelope): Promise<void> {
    timeline.push(`start ${envelope.id}`);
    if (data.name === SLOW) await new Promise((resolve) => setTimeout(resolve, 1_000));
    handled.set(envelope.id, (handled.get(envelope.id) ?? 0) + 1);
    timeline.push(`end ${envelope.id}`);
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

  /** Publishes envelopes straight to the stream, as the members' relay would. */
  const publishEvents = async (envelopes: Array<EventEnvelope & { msgId?: string }>) => {
    const nc = await connect({ servers: stack.env.NATS_URL });
    try {
      const js = jetstream(nc);
      for (const { msgId, ...envelope } of envelopes) {
        await js.publish(namespacedSubject(stack.environment.namespace, envelope.type), JSON.stringify(envelope), { msgID: msgId ?? envelope.id });
      }
    } finally {
      await nc.close();
    }
  };

  const registeredEnvelope = (id: string, memberId: string, name: string): EventEnvelope<MemberRegisteredEvent> => ({
    id,
    type: MemberEvents.registered.subject,
    occurredAt: new Date().toISOString(),
    data: { memberId, name, sector: 'food', language: 'fr' },
  });

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
      const duplicate = rows[0].envelope as EventEnvelope<MemberRegisteredEvent>;
      await publishEvents([{ ...duplicate, id: eventId, msgId: `${eventId}-again` }]);
      // A later event of the same member (same order key) is handled after the duplicate.
      const marker = randomUUID();
      await publishEvents([{ ...duplicate, id: marker }]);

      await eventually(() => expect(handled.get(marker)).toBe(1));
      expect(handled.get(eventId)).toBe(1);
    } finally {
      await consumer.close();
    }
  });

  it('handles events of different keys at the same time and events of one key in order', async () => {
    const consumer = await probeService(stack.env);
    try {
      const slowMember = randomUUID();
      const [slow, other, afterSlow] = [randomUUID(), randomUUID(), randomUUID()];
      await publishEvents([
        registeredEnvelope(slow, slowMember, SLOW),
        registeredEnvelope(other, randomUUID(), 'Une autre coop'),
        registeredEnvelope(afterSlow, slowMember, 'Même membre, plus tard'),
      ]);

      await eventually(() => expect([slow, other, afterSlow].map((id) => handled.get(id))).toEqual([1, 1, 1]));
      const at = (entry: string) => timeline.indexOf(entry);
      expect(at(`end ${other}`)).toBeLessThan(at(`end ${slow}`)); // not stuck behind the slow one
      expect(at(`start ${afterSlow}`)).toBeGreaterThan(at(`end ${slow}`)); // same member: after it
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
  it('forgets published events and handled-event records after the retention period, and nothing newer', async () => {
    const [recent] = await eventIdsOf([await registerMember('Récente')]);
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      const old = randomUUID();
      await eventually(async () => {
        const { rows } = await client.query('SELECT 1 FROM members.outbox_event WHERE id = $1 AND published_at IS NOT NULL', [recent]);
        expect(rows).toHaveLength(1);
      });
      await client.query(
        `INSERT INTO members.outbox_event (id, subject, envelope, created_at, published_at)
         VALUES ($1, 'events.member.registered.v1', '{}', now() - interval '40 days', now() - interval '40 days')`,
        [old],
      );
      await client.query("INSERT INTO members.processed_event (consumer, event_id, processed_at) VALUES ('members', $1, now() - interval '40 days')", [old]);
      await client.query("INSERT INTO members.processed_event (consumer, event_id) VALUES ('members', $1)", [recent]);

      const purged = await stack.app('members').get(OutboxRelay).purgeExpired();

      expect(purged).toEqual({ outboxEvents: 1, processedEvents: 1 });
      const left = await client.query<{ id: string }>('SELECT id FROM members.outbox_event WHERE id = ANY($1)', [[old, recent]]);
      expect(left.rows.map((row) => row.id)).toEqual([recent]);
      const handled = await client.query<{ event_id: string }>('SELECT event_id FROM members.processed_event WHERE event_id = ANY($1)', [[old, recent]]);
      expect(handled.rows.map((row) => row.event_id)).toEqual([recent]);
    } finally {
      await client.end();
    }
  });
});
