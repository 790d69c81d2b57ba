import pg from 'pg';
import {
  BookingRpc,
  SharedBookingRpc,
  type AvailabilityView,
  type CreateProfessionalRequest,
  type ExpertiseDomainCode,
  type MatchListView,
  type MemberView,
  type ProfessionalView,
  type RequestStatus,
  type ServiceRequestView,
  type SharedAssignmentView,
  type StatementView,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { MailCatcher } from '../support/mail-catcher.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { settledRequest } from '../support/request-status.js';
import { TestStack } from '../support/test-stack.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

// Everyone identical but for what a test is about, so text relevance cannot decide.
const SAME_TEXT = { skills: ['assemblée générale', 'congrès'], bio: 'Accompagne des coopératives.', region: 'quebec', languages: ['fr'] as Array<'fr' | 'en'> };
// Two weeks, 30 h: someone with 9 h a week is free for 18 h, 6 h a week for 12 h.
const TWO_WEEKS = { startDate: weekDay(3), endDate: weekDay(4, 4) };

type Problem = { status: number; code: string; errors?: Array<{ field: string }> };

describe('shared assignment: a request two professionals share, every part booked or none', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  let smtp: MailCatcher;
  let db: pg.Client;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    receiver = await WebhookReceiver.start();
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway'], {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DELIVERY_POLL_MS: '50',
      BOOKING_RECONCILE_MS: '0',
    });
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.dispose();
    await smtp?.stop();
    await receiver?.stop();
  });

  const hire = async (domain: ExpertiseDomainCode, fullName: string, weeklyCapacityHours: number, overrides: Partial<CreateProfessionalRequest> = {}) => {
    const response = await call<ProfessionalView>(url, 'POST', '/v1/professionals', {
      key: coordinator,
      body: aProfessional({ ...SAME_TEXT, fullName, weeklyCapacityHours, coopExperience: { years: 10, sectors: ['housing'], mandates: 5 }, domains: [{ code: domain, level: 5, years: 15 }], ...overrides }),
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const partnerOf = async (settings: Partial<MemberView>) => {
    const member = await createMember(url, { sector: 'housing', ...settings });
    return { member, key: (await issueKey(url, 'partner', member.id)).key };
  };
  const submit = async (key: string, domain: ExpertiseDomainCode, body: Record<string, unknown> = {}) => {
    const response = await call<ServiceRequestView>(url, 'POST', '/v1/requests', {
      key,
      body: { domain, title: 'Congrès annuel', description: 'Organisation du congrès et de l’assemblée générale.', estimatedHours: 30, ...TWO_WEEKS, ...body },
    });
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const settled = (id: string, status: RequestStatus) => settledRequest(url, coordinator, id, [status], 30_000);
  const share = (requestId: string, parts: Array<{ professionalId: string; hours: number }>) =>
    call<SharedAssignmentView & Problem>(url, 'POST', `/v1/requests/${requestId}/shared-assignments`, { key: coordinator, body: { parts } });
  const booked = async (professionalId: string, window = TWO_WEEKS) =>
    (await call<AvailabilityView>(url, 'GET', `/v1/professionals/${professionalId}/availability?from=${window.startDate}&to=${window.endDate}`, { key: coordinator })).body.bookedHours;
  const bookingsOf = async (requestId: string) => (await stack.app('gateway').get(RpcClient).send(BookingRpc.ofRequest, { requestId })).items;
  /** Waits until the index sees `count` professionals of the domain. */
  const searchable = (domain: ExpertiseDomainCode, count: number) =>
    eventually(async () => {
      const response = await call<MatchListView>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { domain, language: 'fr', ...TWO_WEEKS, hours: 1, limit: 50 } });
      expect(response.body.candidates).toHaveLength(count);
    }, 30_000);
  const matchesOf = async (requestId: string) => (await call<MatchListView>(url, 'GET', `/v1/requests/${requestId}/matches`, { key: coordinator, headers: { 'accept-language': 'en' } })).body;

  it('offers the split of a request two professionals can share, and applying it books both at once', async () => {
    const paul = await hire('marketing', 'Paul Expert', 9);
    const rita = await hire('marketing', 'Rita Junior', 6, { domains: [{ code: 'marketing', level: 2, years: 2 }] });
    await searchable('marketing', 2);
    const { key } = await partnerOf({ autoAssign: true });
    const hook = await call(url, 'POST', '/v1/webhooks', { key, body: { url: receiver.endpoint('/marketing'), eventTypes: ['request.assigned'] } });
    expect(hook.status).toBe(201);
    const requestId = await submit(key, 'marketing');
    await settled(requestId, 'unmatched');

    const split = (await matchesOf(requestId)).nearestFits!.suggestions.find((s) => s.kind === 'split')!;
    expect(split.apply).toEqual({
      method: 'POST',
      path: `/v1/requests/${requestId}/shared-assignments`,
      body: { parts: [{ professionalId: paul.id, hours: 18 }, { professionalId: rita.id, hours: 12 }] },
    });
    // Nothing is booked by the suggestion itself, and the member's policy (default off) did not split it.
    expect(await bookingsOf(requestId)).toEqual([]);

    const applied = await call<SharedAssignmentView>(url, split.apply!.method, split.apply!.path, { key: coordinator, body: split.apply!.body });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ requestId, hours: 30, estimatedCost: 30 * 135 });
    expect(applied.body.parts.map((p) => [p.professionalId, p.hours, p.shareId, p.status])).toEqual([
      [paul.id, 18, applied.body.shareId, 'active'],
      [rita.id, 12, applied.body.shareId, 'active'],
    ]);
    expect([await booked(paul.id), await booked(rita.id)]).toEqual([18, 12]);
    expect((await bookingsOf(requestId)).map((b) => [b.professionalId, b.hours]).sort()).toEqual([[paul.id, 18], [rita.id, 12]].sort());

    // The request shows both people; the member's contact and each professional are told.
    const assigned = await settled(requestId, 'assigned');
    expect(assigned.assignment).toMatchObject({ id: applied.body.parts[0].id, professionalId: paul.id, hours: 30, shareId: applied.body.shareId });
    expect(assigned.assignment!.parts!.map((p) => [p.professionalId, p.hours])).toEqual([[paul.id, 18], [rita.id, 12]]);
    const webhook = await eventually(() => {
      const bodies = receiver.on('/marketing').map((delivery) => JSON.parse(delivery.body) as { type: string; data: Record<string, unknown> });
      const assignedHook = bodies.find((body) => body.type === 'request.assigned' && body.data.requestId === requestId);
      expect(assignedHook).toBeDefined();
      return assignedHook!.data;
    }, 20_000);
    expect(webhook).toMatchObject({ shareId: applied.body.shareId, hours: 30, assignmentId: applied.body.parts[0].id, professionalId: paul.id });
    expect(webhook.parts).toEqual(applied.body.parts.map((p) => ({ assignmentId: p.id, professionalId: p.professionalId, hours: p.hours, estimatedCost: p.estimatedCost })));
    await eventually(() => {
      const toRita = smtp.mails.find((mail) => mail.to === rita.email && /Nouvelle affectation/.test(mail.subject));
      expect(toRita?.text).toMatch(/Heures prévues : 12/);
      expect(toRita?.text).toMatch(/Demande partagée avec Paul Expert \(18 h\)/);
      expect(smtp.mails.some((mail) => mail.to === paul.email && /Demande partagée avec Rita Junior \(12 h\)/.test(mail.text))).toBe(true);
      expect(smtp.mails.some((mail) => /est partagée entre Paul Expert et Rita Junior/.test(mail.subject))).toBe(true);
    }, 20_000);
  });

  it('books none of the parts when one of them no longer fits', async () => {
    // 15 h each over two weeks: 7.5 h a week, of 9. The part booked last (parts are booked in the
    // order of the professionals' ids) is the one that no longer fits.
    const [first, last] = [await hire('web', 'Ana Premier', 9), await hire('web', 'Ben Second', 9)].sort((a, b) => (a.id < b.id ? -1 : 1));
    const { key } = await partnerOf({ autoAssign: false });
    const requestId = await submit(key, 'web');
    await settled(requestId, 'unmatched');
    // The last one's first week is taken meanwhile by another booking: 4 h are left of 9.
    await stack.app('gateway').get(RpcClient).send(BookingRpc.reserve, { assignmentId: '9d3f4152-6e70-4182-9d9e-0f1a2b3c4d5e', professionalId: last.id, hours: 5, startDate: weekDay(3), endDate: weekDay(3, 4) });

    const refused = await share(requestId, [{ professionalId: first.id, hours: 15 }, { professionalId: last.id, hours: 15 }]);

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('capacity_exceeded');
    expect(await booked(first.id)).toBe(0);
    expect(await booked(last.id)).toBe(5);
    expect(await bookingsOf(requestId)).toEqual([]);
    expect((await settled(requestId, 'unmatched')).assignment).toBeNull();
  });

  it('never overbooks a week under 20 concurrent shared assignments of the same two professionals', async () => {
    // One week. Carla has 10 h, Dora 6 h: 3 h each per request, so Dora fits two and Carla three.
    const carla = await hire('it', 'Carla Dix', 10);
    const dora = await hire('it', 'Dora Six', 6);
    await searchable('it', 2);
    const week = { startDate: weekDay(2), endDate: weekDay(2, 4) };
    const { key } = await partnerOf({ autoAssign: false });
    const requests = await Promise.all(Array.from({ length: 20 }, () => submit(key, 'it', { ...week, estimatedHours: 6 })));
    await Promise.all(requests.map((id) => settled(id, 'pending_review')));

    const answers = await Promise.all(requests.map((id) => share(id, [{ professionalId: carla.id, hours: 3 }, { professionalId: dora.id, hours: 3 }])));

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(2).fill(201), ...Array(18).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'capacity_exceeded')).toBe(true);
    // Carla had room for a third part: none of the refused shares left her one.
    expect([await booked(carla.id, week), await booked(dora.id, week)]).toEqual([6, 6]);
    const { rows } = await db.query<{ over: string; drift: string }>(
      `SELECT count(*) FILTER (WHERE w.booked_hours > w.capacity_hours) AS over,
              count(*) FILTER (WHERE w.booked_hours <> (SELECT coalesce(sum(bw.hours), 0) FROM professionals.booking_week bw JOIN professionals.booking b ON b.assignment_id = bw.assignment_id
                                                        WHERE b.professional_id = w.professional_id AND bw.week_start = w.week_start)) AS drift
       FROM professionals.availability_week w WHERE w.professional_id = ANY($1::uuid[])`,
      [[carla.id, dora.id]],
    );
    expect(rows[0]).toEqual({ over: '0', drift: '0' });
    const parts = await db.query<{ request_id: string; n: string }>(
      `SELECT request_id, count(*) AS n FROM matching.assignment WHERE request_id = ANY($1::uuid[]) AND status = 'active' GROUP BY request_id`,
      [requests],
    );
    expect(parts.rows.map((row) => row.n)).toEqual(['2', '2']);
  });

  it('keeps the other part when one declines, finds someone for the declined hours, completes with the last part, and charges each', async () => {
    const emma = await hire('events', 'Emma Grande', 9);
    const fred = await hire('events', 'Fred Moyen', 6, { domains: [{ code: 'events', level: 3, years: 4 }] });
    const gina = await hire('events', 'Gina Relève', 6, { domains: [{ code: 'events', level: 2, years: 2 }] });
    await searchable('events', 3);
    const { member, key } = await partnerOf({ autoAssign: true });
    const requestId = await submit(key, 'events');
    await settled(requestId, 'unmatched');
    const shared = await share(requestId, [{ professionalId: emma.id, hours: 18 }, { professionalId: fred.id, hours: 12 }]);
    expect(shared.status).toBe(201);
    await settled(requestId, 'assigned');
    const [emmaPart, fredPart] = shared.body.parts;

    const declined = await call(url, 'POST', `/v1/assignments/${fredPart.id}/decline`, { key: coordinator, body: { reason: 'Conflit d’horaire' } });
    expect(declined.status).toBe(200);

    // Emma keeps her 18 h; Fred's 12 h go to the one left who is free for them (automatically: the member allows it).
    const reassigned = await eventually(async () => {
      const request = await settled(requestId, 'assigned');
      expect(request.assignment!.parts!.map((p) => p.professionalId)).toEqual([emma.id, gina.id]);
      return request;
    }, 30_000);
    expect(reassigned.assignment!.parts!.map((p) => p.hours)).toEqual([18, 12]);
    expect(reassigned.assignment!.parts![0].assignmentId).toBe(emmaPart.id);
    await eventually(async () => expect([await booked(emma.id), await booked(fred.id), await booked(gina.id)]).toEqual([18, 0, 12]), 20_000);
    const ginaPart = reassigned.assignment!.parts![1].assignmentId;

    // Each records their own hours; the request is completed with its last part.
    expect((await call(url, 'POST', `/v1/assignments/${emmaPart.id}/complete`, { key: coordinator, body: { hoursSpent: 17 } })).status).toBe(200);
    await eventually(async () => {
      const history = (await call<{ entries: Array<{ type: string; assignmentId?: string }> }>(url, 'GET', `/v1/requests/${requestId}/history`, { key: coordinator })).body;
      expect(history.entries.some((e) => e.type === 'completed' && e.assignmentId === emmaPart.id)).toBe(true);
    }, 20_000);
    expect((await settled(requestId, 'assigned')).status).toBe('assigned');
    expect((await call(url, 'POST', `/v1/assignments/${ginaPart}/complete`, { key: coordinator, body: { hoursSpent: 12.5 } })).status).toBe(200);
    await settled(requestId, 'completed');

    const month = new Date().toISOString().slice(0, 7);
    const statement = (await call<StatementView>(url, 'GET', `/v1/members/${member.id}/statement?month=${month}`, { key: coordinator })).body;
    expect(statement.lines.filter((line) => line.requestId === requestId).map((line) => [line.professionalId, line.status, line.hours, line.shareId])).toEqual([
      [emma.id, 'completed', 17, shared.body.shareId],
      [gina.id, 'completed', 12.5, shared.body.shareId],
    ]);
  });

  it('cancelling a shared request releases every part and tells each professional', async () => {
    const hugo = await hire('hr', 'Hugo Premier', 9);
    const iris = await hire('hr', 'Iris Seconde', 6);
    const { key } = await partnerOf({ autoAssign: false });
    const requestId = await submit(key, 'hr');
    await settled(requestId, 'unmatched');
    expect((await share(requestId, [{ professionalId: hugo.id, hours: 18 }, { professionalId: iris.id, hours: 12 }])).status).toBe(201);
    await settled(requestId, 'assigned');

    const cancelled = await call(url, 'POST', `/v1/requests/${requestId}/cancel`, { key, body: { reason: 'reporté' } });

    expect(cancelled.status).toBe(200);
    await eventually(async () => expect([await booked(hugo.id), await booked(iris.id)]).toEqual([0, 0]), 20_000);
    const active = await db.query(`SELECT id FROM matching.assignment WHERE request_id = $1 AND status = 'active'`, [requestId]);
    expect(active.rows).toEqual([]);
    await eventually(() => {
      for (const person of [hugo, iris]) expect(smtp.mails.some((mail) => mail.to === person.email && /Demande annulée/.test(mail.subject))).toBe(true);
    }, 20_000);
  });

  it('splits automatically only when the member’s policy allows it', async () => {
    const jade = await hire('governance', 'Jade Neuf', 9);
    const karl = await hire('governance', 'Karl Six', 6);
    await searchable('governance', 2);
    const off = await partnerOf({ autoAssign: true });
    expect(off.member.autoAssignSplit).toBe(false);
    const refused = await submit(off.key, 'governance');
    expect((await settled(refused, 'unmatched')).assignment).toBeNull();
    expect(await bookingsOf(refused)).toEqual([]);

    const on = await partnerOf({ autoAssign: true });
    const changed = await call<MemberView>(url, 'PATCH', `/v1/members/${on.member.id}`, { body: { autoAssignSplit: true } });
    expect(changed.status).toBe(200);
    expect(changed.body.autoAssignSplit).toBe(true);
    const split = await submit(on.key, 'governance');

    const assigned = await settled(split, 'assigned');
    expect(assigned.assignment).toMatchObject({ automatic: true, hours: 30 });
    expect(assigned.assignment!.parts!.map((p) => [p.professionalId, p.hours])).toEqual([[jade.id, 18], [karl.id, 12]]);
    expect([await booked(jade.id), await booked(karl.id)]).toEqual([18, 12]);

    const bad = await call<Problem>(url, 'PATCH', `/v1/members/${on.member.id}`, { body: { autoAssignSplit: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['autoAssignSplit']);
  });

  it('adopts what a shared assignment that died after booking left, and books nothing twice when asked again', async () => {
    const nora = await hire('finance', 'Nora Neuf', 9);
    const omar = await hire('finance', 'Omar Six', 6);
    const { key } = await partnerOf({ autoAssign: false });
    const requestId = await submit(key, 'finance');
    await settled(requestId, 'unmatched');
    // What an attempt that died between booking and saving its parts left: both parts booked,
    // naming the request, and no assignment holding them.
    const leftBehind = { nora: '1e4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8', omar: '2f5b6c7d-8e9f-4a01-b2c3-d4e5f6a7b8c9' };
    await stack.app('gateway').get(RpcClient).send(SharedBookingRpc, {
      bookings: [
        { assignmentId: leftBehind.nora, professionalId: nora.id, requestId, hours: 18, ...TWO_WEEKS },
        { assignmentId: leftBehind.omar, professionalId: omar.id, requestId, hours: 12, ...TWO_WEEKS },
      ],
    });

    const retried = await share(requestId, [{ professionalId: nora.id, hours: 18 }, { professionalId: omar.id, hours: 12 }]);

    expect(retried.status).toBe(201);
    expect(retried.body.parts.map((p) => p.id)).toEqual([leftBehind.nora, leftBehind.omar]);
    expect([await booked(nora.id), await booked(omar.id)]).toEqual([18, 12]);
    // The same share again, while it holds: refused, nothing booked twice.
    const again = await share(requestId, [{ professionalId: nora.id, hours: 18 }, { professionalId: omar.id, hours: 12 }]);
    expect(again.status).toBe(409);
    expect([await booked(nora.id), await booked(omar.id)]).toEqual([18, 12]);
    expect(await bookingsOf(requestId)).toHaveLength(2);
  });

  it('an automatic split whose first attempt died after booking both parts is assigned by the retry, each part booked once', async () => {
    // Postgres ends the attempt: a trigger terminates the connection that inserts the next assignment.
    await db.query(`CREATE SEQUENCE IF NOT EXISTS public.share_killer_shots`);
    await db.query(`CREATE OR REPLACE FUNCTION public.kill_share_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.share_id IS NOT NULL AND nextval('public.share_killer_shots') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE OR REPLACE TRIGGER share_killer BEFORE INSERT ON matching.assignment FOR EACH ROW EXECUTE FUNCTION public.kill_share_insert()`);
    try {
      const pia = await hire('strategy', 'Pia Neuf', 9);
      const quinn = await hire('strategy', 'Quinn Six', 6);
      await searchable('strategy', 2);
      const { key } = await partnerOf({ autoAssign: true, autoAssignSplit: true });

      const requestId = await submit(key, 'strategy');
      const assigned = await settled(requestId, 'assigned');

      const shots = await db.query<{ last_value: string }>('SELECT last_value FROM public.share_killer_shots');
      expect(Number(shots.rows[0].last_value)).toBeGreaterThanOrEqual(2); // the attempt that died, then the retry
      expect(assigned.assignment!.parts!.map((p) => [p.professionalId, p.hours])).toEqual([[pia.id, 18], [quinn.id, 12]]);
      expect([await booked(pia.id), await booked(quinn.id)]).toEqual([18, 12]);
      expect((await bookingsOf(requestId)).map((b) => b.assignmentId).sort()).toEqual(assigned.assignment!.parts!.map((p) => p.assignmentId).sort());
    } finally {
      await db.query('DROP TRIGGER IF EXISTS share_killer ON matching.assignment');
    }
  });

  it('refuses a malformed share with problem+json naming the field', async () => {
    const lea = await hire('translation', 'Léa Une', 35);
    await searchable('translation', 1);
    const { key } = await partnerOf({ autoAssign: false });
    const requestId = await submit(key, 'translation');
    await settled(requestId, 'pending_review');
    const fields = async (parts: unknown) => {
      const response = await call<Problem>(url, 'POST', `/v1/requests/${requestId}/shared-assignments`, { key: coordinator, body: { parts } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return response.body.errors!.map((e) => e.field);
    };
    expect(await fields([{ professionalId: lea.id, hours: 30 }])).toEqual(['parts']);
    expect(await fields([{ professionalId: 'nobody', hours: 15 }, { professionalId: lea.id, hours: 15 }])).toEqual(['parts.0.professionalId']);
    expect(await fields([{ professionalId: lea.id, hours: 15 }, { professionalId: lea.id, hours: 15 }])).toEqual(['parts.1.professionalId']);
    const other = await hire('translation', 'Marc Deux', 35);
    expect(await fields([{ professionalId: lea.id, hours: 15 }, { professionalId: other.id, hours: 10 }])).toEqual(['parts']);
    const french = await call<{ errors: Array<{ field: string; message: string }> }>(url, 'POST', `/v1/requests/${requestId}/shared-assignments`, {
      key: coordinator,
      headers: { 'accept-language': 'fr' },
      body: { parts: [{ professionalId: lea.id, hours: 15 }, { professionalId: other.id, hours: 10 }] },
    });
    expect(french.body.errors).toEqual([{ field: 'parts', message: 'les heures des parts font 25 h, pas les 30 h de la demande' }]);
    expect(await fields(undefined)).toEqual(['parts']);
    expect(await bookingsOf(requestId)).toEqual([]);
  });
});
