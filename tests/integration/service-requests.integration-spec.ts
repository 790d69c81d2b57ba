import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EventEnvelope, MemberView, RequestSubmittedEvent, ServiceRequestPage, ServiceRequestView, SubmissionAccepted } from '@coop/contracts';
import { AssignmentEvents, RequestEvents } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { MatchingEventsPublisher } from '../support/matching-events.js';
import { daysFromNow, requestBody } from '../support/request-bodies.js';
import { TestStack } from '../support/test-stack.js';

type Problem = { code: string; title: string; detail: string; errors?: { field: string; message: string }[] };

describe('service requests', () => {
  let stack: TestStack;
  let url: string;
  let matching: MatchingEventsPublisher;
  let member: MemberView;
  let partnerKey: string;
  let coordinatorKey: string;
  let db: pg.Client;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'gateway']);
    url = stack.gatewayUrl();
    matching = await MatchingEventsPublisher.connect(stack);
    member = await createMember(url, { language: 'en', region: 'laurentides', autoAssign: true });
    partnerKey = (await issueKey(url, 'partner', member.id)).key;
    coordinatorKey = (await issueKey(url, 'coordinator')).key;
    db = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await matching.close();
    await stack.dispose();
  });

  const submit = async (body: object = requestBody(), headers: Record<string, string> = {}, key = partnerKey) =>
    call<SubmissionAccepted & Problem>(url, 'POST', '/v1/requests', { key, body, headers });
  const read = async (id: string) => (await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: partnerKey })).body;
  const submitted = async (body: object = requestBody()) => {
    const response = await submit(body);
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const outboxEvents = async <T>(subject: string, requestId: string) =>
    (
      await db.query<{ envelope: EventEnvelope<T> }>(
        "SELECT envelope FROM members.outbox_event WHERE subject = $1 AND envelope->'data'->>'requestId' = $2 ORDER BY seq",
        [subject, requestId],
      )
    ).rows.map((row) => row.envelope.data);

  describe('submitting', () => {
    it("answers 202 with the id and status, fills in the member's defaults and emits request.submitted", async () => {
      const response = await submit(requestBody({ domain: 'events', onSite: true }));

      expect(response.status).toBe(202);
      expect(response.body).toEqual({ id: expect.any(String), status: 'submitted' });
      const request = await read(response.body.id);
      expect(request).toMatchObject({
        memberId: member.id,
        domain: 'events',
        language: 'en',
        region: 'laurentides',
        urgency: 'normal',
        onSite: true,
        autoAssignOverride: null,
        autoAssign: true,
        status: 'submitted',
        assignment: null,
      });
      const events = await outboxEvents<RequestSubmittedEvent>(RequestEvents.submitted.subject, response.body.id);
      expect(events).toEqual([
        expect.objectContaining({ requestId: response.body.id, memberId: member.id, domain: 'events', estimatedHours: 40, autoAssign: true, onSite: true }),
      ]);
    });

    it("applies the request's autoAssign override over the member's policy", async () => {
      const id = await submitted(requestBody({ autoAssign: false, language: 'fr', region: 'quebec', urgency: 'critical' }));

      expect(await read(id)).toMatchObject({ autoAssignOverride: false, autoAssign: false, language: 'fr', region: 'quebec', urgency: 'critical' });
      expect(await outboxEvents<RequestSubmittedEvent>(RequestEvents.submitted.subject, id)).toEqual([expect.objectContaining({ autoAssign: false })]);
    });

    it("follows a change of the member's policy (PATCH) for later requests", async () => {
      const other = await createMember(url, { autoAssign: false });
      const patched = await call<MemberView>(url, 'PATCH', `/v1/members/${other.id}`, { body: { autoAssign: true, name: 'Fédération renommée' } });
      const id = (await submit(requestBody({ memberId: other.id }), {}, coordinatorKey)).body.id;

      expect(patched.body).toMatchObject({ autoAssign: true, name: 'Fédération renommée', sector: other.sector });
      expect((await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: coordinatorKey })).body.autoAssign).toBe(true);
    });

    it('refuses to set a member field to null, and answers 404 for an unknown member', async () => {
      const nulled = await call<Problem>(url, 'PATCH', `/v1/members/${member.id}`, { body: { region: null } });
      const unknown = await call<Problem>(url, 'PATCH', `/v1/members/${randomUUID()}`, { body: { region: 'quebec' } });

      expect({ status: nulled.status, fields: nulled.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['region'] });
      expect(unknown.status).toBe(404);
    });

    it('lets a coordinator submit for any member, and answers 404 for a member that does not exist', async () => {
      const forMember = await submit(requestBody({ memberId: member.id }), {}, coordinatorKey);
      const forNobody = await submit(requestBody({ memberId: randomUUID() }), {}, coordinatorKey);

      expect(forMember.status).toBe(202);
      expect({ status: forNobody.status, code: forNobody.body.code }).toEqual({ status: 404, code: 'not_found' });
    });

    it.each([
      ['an unknown domain', { domain: 'plumbing' }, ['domain']],
      ['an impossible date', { startDate: '2031-02-30' }, ['startDate']],
      ['a window in the past', { startDate: daysFromNow(-3), endDate: daysFromNow(10) }, ['startDate']],
      ['an end before the start', { startDate: daysFromNow(20), endDate: daysFromNow(19) }, ['endDate']],
      ['no hours', { estimatedHours: 0 }, ['estimatedHours']],
      ['more hours than 8 per working day of the window', { startDate: daysFromNow(14), endDate: daysFromNow(27), estimatedHours: 80.5 }, ['estimatedHours']],
      ['a window longer than a year', { startDate: daysFromNow(14), endDate: daysFromNow(400) }, ['endDate']],
      ['a language other than fr or en', { language: 'de' }, ['language']],
      ['an unknown urgency', { urgency: 'urgent' }, ['urgency']],
      ['a field that does not exist', { budget: 1000 }, ['budget']],
      ['a string for a boolean', { onSite: 'yes', autoAssign: 'no' }, ['onSite', 'autoAssign']],
    ])('refuses %s, naming the field', async (_case, overrides, fields) => {
      const response = await submit({ ...requestBody(), ...overrides });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect([...new Set(response.body.errors!.map((e) => e.field))]).toEqual(fields);
    });

    it('takes at most 8 h per working day: exactly 40 h for one Monday-to-Friday week', async () => {
      const monday = nextWeekday(1, 14);
      const friday = addDays(monday, 4);
      const sunday = addDays(monday, 6);

      expect((await submit(requestBody({ startDate: monday, endDate: sunday, estimatedHours: 40 }))).status).toBe(202);
      const over = await submit(requestBody({ startDate: monday, endDate: friday, estimatedHours: 40.25 }));
      const weekend = await submit(requestBody({ startDate: addDays(monday, 5), endDate: sunday, estimatedHours: 1 }));

      expect(over.body.errors).toEqual([{ field: 'estimatedHours', message: expect.stringContaining('at most 40') }]);
      expect(weekend.body.errors).toEqual([{ field: 'endDate', message: expect.stringContaining('no working day') }]);
    });

    it('says what is wrong in French to a caller who prefers French', async () => {
      const response = await submit({ ...requestBody({ startDate: daysFromNow(-3) }), domain: 'plumbing' }, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });

      expect(response.headers.get('content-language')).toBe('fr');
      expect(response.body.title).toBe('Requête invalide');
      expect(response.body.detail).toBe('Données invalides : domain');
      expect(response.body.errors).toEqual([{ field: 'domain', message: expect.stringMatching(/^domain doit être l’une des valeurs suivantes : legal, hr, /) }]);
      const pastOnly = await submit(requestBody({ startDate: daysFromNow(-3) }), { 'accept-language': 'fr' });
      expect(pastOnly.body.errors).toEqual([{ field: 'startDate', message: expect.stringMatching(/^startDate doit être aujourd’hui \(\d{4}-\d{2}-\d{2}\) ou plus tard$/) }]);
    });

    it.each([
      ['en', 'estimatedHours is required', 'title is required'],
      ['fr', 'estimatedHours est obligatoire', 'title est obligatoire'],
    ])('says a missing field is required, and only that (%s)', async (language, hoursMessage, titleMessage) => {
      const { estimatedHours: _hours, title: _title, ...incomplete } = requestBody();

      const response = await submit(incomplete, { 'accept-language': language });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'title', message: titleMessage },
        { field: 'estimatedHours', message: hoursMessage },
      ]);
    });
  });

  describe('the lifecycle driven by matching', () => {
    const professionalId = randomUUID();
    const assignment = (requestId: string, overrides: object = {}) => ({
      requestId,
      memberId: member.id,
      assignmentId: randomUUID(),
      professionalId,
      hours: 40,
      estimatedCost: 3400,
      automatic: true,
      ...overrides,
    });
    const statusOf = async (id: string) => (await read(id)).status;

    it('goes submitted -> pending_review -> assigned -> completed', async () => {
      const id = await submitted();

      await matching.publish(RequestEvents.pendingReview, { requestId: id, memberId: member.id, availableCandidates: 3 });
      await eventually(async () => expect(await statusOf(id)).toBe('pending_review'));

      const assigned = assignment(id, { automatic: false });
      await matching.publish(RequestEvents.assigned, assigned);
      await eventually(async () => expect(await statusOf(id)).toBe('assigned'));
      expect((await read(id)).assignment).toEqual({ id: assigned.assignmentId, professionalId, hours: 40, estimatedCost: 3400, automatic: false });

      await matching.publish(AssignmentEvents.completed, { ...assigned, hoursSpent: 38, cost: 3230 });
      await eventually(async () => expect(await statusOf(id)).toBe('completed'));
    });

    it('goes back to matching when the professional declines, then to the next assignment', async () => {
      const id = await submitted();
      const first = assignment(id);
      await matching.publish(RequestEvents.assigned, first);
      await eventually(async () => expect(await statusOf(id)).toBe('assigned'));

      await matching.publish(AssignmentEvents.declined, { ...first, reason: 'Conflit d’intérêts' });
      await eventually(async () => expect(await read(id)).toMatchObject({ status: 'submitted', assignment: null, statusReason: 'Conflit d’intérêts' }));

      const second = assignment(id, { professionalId: randomUUID(), replacesAssignmentId: first.assignmentId });
      await matching.publish(RequestEvents.assigned, second);
      await eventually(async () => expect((await read(id)).assignment?.id).toBe(second.assignmentId));
    });

    it('becomes unmatched with the reason, and a coordinator may still assign it', async () => {
      const id = await submitted();
      await matching.publish(RequestEvents.unmatched, { requestId: id, memberId: member.id, reason: 'Aucun professionnel disponible' });
      await eventually(async () => expect(await read(id)).toMatchObject({ status: 'unmatched', statusReason: 'Aucun professionnel disponible' }));

      await matching.publish(RequestEvents.assigned, assignment(id, { automatic: false }));
      await eventually(async () => expect(await statusOf(id)).toBe('assigned'));
    });

    it('ignores events that make no sense for the current state, and events about unknown requests', async () => {
      const id = await submitted();
      const current = assignment(id);
      await matching.publish(RequestEvents.assigned, current);
      await eventually(async () => expect(await statusOf(id)).toBe('assigned'));

      await matching.publish(RequestEvents.unmatched, { requestId: id, memberId: member.id, reason: 'too late' });
      await matching.publish(AssignmentEvents.completed, { ...assignment(id), hoursSpent: 1, cost: 1 });
      await matching.publish(AssignmentEvents.declined, { ...assignment(id), reason: 'not the current assignment' });
      await matching.publish(RequestEvents.pendingReview, { requestId: randomUUID(), memberId: member.id, availableCandidates: 1 });
      // Events are handled in order: once this one is applied, the ones before were seen.
      const marker = await submitted();
      await matching.publish(RequestEvents.pendingReview, { requestId: marker, memberId: member.id, availableCandidates: 1 });
      await eventually(async () => expect(await statusOf(marker)).toBe('pending_review'));

      expect(await read(id)).toMatchObject({ status: 'assigned', assignment: { id: current.assignmentId } });
    });

    it('applies a completion or a decline that arrives before its assignment (as with two replicas), once the assignment is in', async () => {
      const completedFirst = await submitted();
      const done = assignment(completedFirst);
      await matching.publish(AssignmentEvents.completed, { ...done, hoursSpent: 12, cost: 1020 });
      await matching.publish(RequestEvents.assigned, done);
      await eventually(async () => expect(await statusOf(completedFirst)).toBe('completed'), 10_000);

      const declinedFirst = await submitted();
      const refused = assignment(declinedFirst);
      await matching.publish(AssignmentEvents.declined, { ...refused, reason: 'Conflit d’intérêts' });
      await matching.publish(RequestEvents.assigned, refused);
      await eventually(async () => expect(await read(declinedFirst)).toMatchObject({ status: 'submitted', assignment: null, statusReason: 'Conflit d’intérêts' }), 10_000);
    });

    it('does not let a redelivered decline undo the assignment that followed it', async () => {
      const id = await submitted();
      const first = assignment(id);
      await matching.publish(RequestEvents.assigned, first);
      const decline = await matching.publish(AssignmentEvents.declined, { ...first, reason: 'indisponible' });
      await eventually(async () => expect(await statusOf(id)).toBe('submitted'));
      const second = assignment(id, { replacesAssignmentId: first.assignmentId });
      await matching.publish(RequestEvents.assigned, second);
      await eventually(async () => expect(await statusOf(id)).toBe('assigned'));

      await matching.republish(decline, `${decline.id}-again`);
      const marker = await submitted();
      await matching.publish(RequestEvents.pendingReview, { requestId: marker, memberId: member.id, availableCandidates: 1 });
      await eventually(async () => expect(await statusOf(marker)).toBe('pending_review'));

      expect((await read(id)).assignment?.id).toBe(second.assignmentId);
    });

    it('lets go at once of an assignment an override replaced, when its event arrives after the override (as with two replicas)', async () => {
      const id = await submitted();
      const replaced = assignment(id, { automatic: false });
      const override = assignment(id, { automatic: false, professionalId: randomUUID(), replacesAssignmentId: replaced.assignmentId });
      await matching.publish(RequestEvents.assigned, override);
      await eventually(async () => expect((await read(id)).assignment?.id).toBe(override.assignmentId));

      const late = await matching.publish(RequestEvents.assigned, replaced);

      // Handled (not held back for the ten minutes an event that may fit later is retried).
      await eventually(async () => {
        const { rows } = await db.query('SELECT 1 FROM members.processed_event WHERE event_id = $1', [late.id]);
        expect(rows).toHaveLength(1);
      }, 10_000);
      expect((await read(id)).assignment?.id).toBe(override.assignmentId);
    });
  });

  describe('cancelling', () => {
    it('cancels an assigned request, emits request.cancelled once, and cancelling again changes nothing', async () => {
      const id = await submitted();
      await matching.publish(RequestEvents.assigned, { requestId: id, memberId: member.id, assignmentId: randomUUID(), professionalId: randomUUID(), hours: 40, estimatedCost: 10, automatic: true });
      await eventually(async () => expect((await read(id)).status).toBe('assigned'));

      const first = await call<ServiceRequestView>(url, 'POST', `/v1/requests/${id}/cancel`, { key: partnerKey, body: { reason: 'Le congrès est reporté' } });
      const again = await call<ServiceRequestView>(url, 'POST', `/v1/requests/${id}/cancel`, { key: coordinatorKey });

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'cancelled', statusReason: 'Le congrès est reporté' });
      expect(again.status).toBe(200);
      expect(await outboxEvents(RequestEvents.cancelled.subject, id)).toEqual([{ requestId: id, memberId: member.id, reason: 'Le congrès est reporté' }]);
    });

    it('refuses to cancel a completed request (409)', async () => {
      const id = await submitted();
      const assignmentId = randomUUID();
      const professionalId = randomUUID();
      await matching.publish(RequestEvents.assigned, { requestId: id, memberId: member.id, assignmentId, professionalId, hours: 40, estimatedCost: 10, automatic: true });
      await matching.publish(AssignmentEvents.completed, { requestId: id, memberId: member.id, assignmentId, professionalId, hoursSpent: 40, cost: 10 });
      await eventually(async () => expect((await read(id)).status).toBe('completed'));

      const response = await call<Problem>(url, 'POST', `/v1/requests/${id}/cancel`, { key: partnerKey });

      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'invalid_state_transition' });
    });
  });

  describe('listing', () => {
    it('pages newest first without skipping or repeating, with filters', async () => {
      const other = await createMember(url);
      const otherKey = (await issueKey(url, 'partner', other.id)).key;
      const ids: string[] = [];
      for (const domain of ['hr', 'web', 'hr', 'hr', 'web']) {
        ids.push((await submit(requestBody({ domain: domain as 'hr' }), {}, otherKey)).body.id);
      }

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page: { body: ServiceRequestPage } = await call<ServiceRequestPage>(url, 'GET', `/v1/requests?limit=2${query}`, { key: otherKey });
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((r) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());

      const hr = await call<ServiceRequestPage>(url, 'GET', `/v1/requests?domain=hr&memberId=${other.id}`, { key: coordinatorKey });
      expect(hr.body.items.map((r) => r.id)).toEqual([ids[3], ids[2], ids[0]]);
      await call(url, 'POST', `/v1/requests/${ids[1]}/cancel`, { key: otherKey });
      const cancelled = await call<ServiceRequestPage>(url, 'GET', '/v1/requests?status=cancelled', { key: otherKey });
      expect(cancelled.body.items.map((r) => r.id)).toEqual([ids[1]]);
    });

    it.each([
      ['a cursor it did not give', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['a cursor with a bad id', `cursor=${Buffer.from(JSON.stringify({ at: new Date().toISOString(), id: 'x' })).toString('base64url')}`, 'cursor'],
      ['a limit too large', 'limit=1000', 'limit'],
      ['an unknown status', 'status=lost', 'status'],
      ['an unknown filter', 'colour=blue', 'colour'],
    ])('refuses %s', async (_case, query, field) => {
      const response = await call<Problem>(url, 'GET', `/v1/requests?${query}`, { key: coordinatorKey });

      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    });
  });

  describe('Idempotency-Key', () => {
    const countRequests = async (title: string) =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM members.service_request WHERE title = $1', [title])).rows[0].n);

    it('answers the first response again for the same key and body, creating one request', async () => {
      const key = randomUUID();
      const body = requestBody({ title: `Idempotent ${key}` });

      const first = await submit(body, { 'idempotency-key': key });
      const second = await submit({ ...body }, { 'idempotency-key': key });
      // The same body with its fields in another order is the same request.
      const reordered = await submit(Object.fromEntries(Object.entries(body).reverse()), { 'idempotency-key': key });

      expect(first.status).toBe(202);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      for (const replay of [second, reordered]) {
        expect({ status: replay.status, body: replay.body }).toEqual({ status: first.status, body: first.body });
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
      }
      expect(await countRequests(body.title)).toBe(1);
    });

    it('answers 422 for the same key with another body', async () => {
      const key = randomUUID();
      await submit(requestBody({ title: `First ${key}` }), { 'idempotency-key': key });

      const reused = await submit(requestBody({ title: `Second ${key}` }), { 'idempotency-key': key });

      expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'idempotency_key_reused' });
      expect(await countRequests(`Second ${key}`)).toBe(0);
    });

    it('answers 409 while the first request with the key is still running', async () => {
      const key = randomUUID();
      const body = requestBody({ title: `In flight ${key}` });
      // Hold the member's row so that the first submission stays in flight.
      const holder = new pg.Client({ connectionString: stack.environment.databaseUrl });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM members.member WHERE id = $1 FOR UPDATE', [member.id]);
      const first = submit(body, { 'idempotency-key': key });
      try {
        await eventually(async () => {
          const { rows } = await holder.query<{ waiting: number }>(
            "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
          );
          expect(rows[0].waiting).toBeGreaterThan(0);
        });

        const concurrent = await submit(body, { 'idempotency-key': key });

        expect({ status: concurrent.status, code: concurrent.body.code }).toEqual({ status: 409, code: 'idempotency_request_in_flight' });
      } finally {
        await holder.query('COMMIT');
        await holder.end();
      }
      expect((await first).status).toBe(202);
      const after = await submit(body, { 'idempotency-key': key });
      expect({ status: after.status, id: after.body.id }).toEqual({ status: 202, id: (await first).body.id });
    });

    it('creates one request when many identical calls race', async () => {
      const key = randomUUID();
      const body = requestBody({ title: `Race ${key}` });

      const responses = await Promise.all(Array.from({ length: 8 }, () => submit(body, { 'idempotency-key': key })));

      expect(responses.every((r) => r.status === 202 || (r.status === 409 && r.body.code === 'idempotency_request_in_flight'))).toBe(true);
      expect(new Set(responses.filter((r) => r.status === 202).map((r) => r.body.id)).size).toBe(1);
      expect(await countRequests(body.title)).toBe(1);
    });

    it('keeps keys per credential: another key may use the same one', async () => {
      const key = randomUUID();
      const body = requestBody({ title: `Scoped ${key}`, memberId: member.id });

      const mine = await submit(body, { 'idempotency-key': key }, partnerKey);
      const theirs = await submit(body, { 'idempotency-key': key }, coordinatorKey);

      expect([mine.status, theirs.status]).toEqual([202, 202]);
      expect(mine.body.id).not.toBe(theirs.body.id);
    });

    it('does not remember a refused request: it can be corrected and sent with the same key', async () => {
      const key = randomUUID();
      // Two days back in UTC is before today in every time zone: the day before (in UTC) is still
      // today where the services run (America/Toronto) from midnight to 5 am UTC.
      const invalid = await submit(requestBody({ startDate: daysFromNow(-2) }), { 'idempotency-key': key });
      const corrected = await submit(requestBody(), { 'idempotency-key': key });

      expect([invalid.status, corrected.status]).toEqual([400, 202]);
    });

    it('refuses a malformed key', async () => {
      const response = await submit(requestBody(), { 'idempotency-key': 'has spaces in it' });

      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual(['Idempotency-Key']);
    });
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first given weekday (0 Sunday .. 6 Saturday) at least `minDays` from now. */
function nextWeekday(weekday: number, minDays: number): string {
  let date = daysFromNow(minDays);
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
  return date;
}
