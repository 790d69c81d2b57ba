import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AssignmentEvents, RequestEvents, type CoordinatorNotificationPage, type CoordinatorNotificationView, type ProfessionalContactView } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { issueKey } from '../support/credentials.js';
import { FakeProfessionalsService } from '../support/fake-professionals-service.js';
import { call } from '../support/http.js';
import { LifecycleEventEmitter } from '../support/lifecycle-events.js';
import { MailCatcher } from '../support/mail-catcher.js';
import { TestStack } from '../support/test-stack.js';

const GENEVIEVE: ProfessionalContactView = {
  id: randomUUID(),
  fullName: 'Geneviève Tremblay',
  email: 'genevieve@consortium.example',
  languages: ['fr', 'en'],
  active: true,
};
const ALEX: ProfessionalContactView = { id: randomUUID(), fullName: 'Alex Morgan', email: 'alex@consortium.example', languages: ['en'], active: true };

const HOUSING_TITLE = 'Règlements généraux : admission des membres';
const CONGRESS_TITLE = 'Annual congress logistics';

describe('notifications: emails in the recipient’s language and the coordinator feed', () => {
  let stack: TestStack;
  let smtp: MailCatcher;
  let professionals: FakeProfessionalsService;
  let events: LifecycleEventEmitter;
  let coordinatorKey: string;
  let housing: { id: string; contactEmail: string };
  let congress: { id: string; contactEmail: string };
  const [housingRequest, congressRequest] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    stack = await TestStack.start(['members', 'notifications', 'gateway'], {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_SCHEDULE: '100ms,100ms,100ms',
      DELIVERY_RETRY_JITTER: '0',
    });
    professionals = await FakeProfessionalsService.start(stack.env.NATS_URL!, stack.environment.namespace, [GENEVIEVE, ALEX]);
    events = await LifecycleEventEmitter.connect(stack.env.NATS_URL!, stack.environment.namespace);
    coordinatorKey = (await issueKey(stack.gatewayUrl(), 'coordinator')).key;

    housing = await registerMember({ name: 'Fédération des coopératives d’habitation', language: 'fr', contactEmail: 'info@fch.example' });
    congress = await registerMember({ name: 'Federation of Worker Co-operatives', language: 'en', contactEmail: 'office@workers.example' });
    // Geneviève's mail server hiccups once: her first message is refused with 451, then accepted.
    let refusedOnce = false;
    smtp.gate = (recipient) => (recipient === GENEVIEVE.email && !refusedOnce ? ((refusedOnce = true), 451) : undefined);

    await submit(housingRequest, housing.id, HOUSING_TITLE, 'critical');
    const firstAssignment = randomUUID();
    await events.emit(RequestEvents.assigned, { requestId: housingRequest, memberId: housing.id, assignmentId: firstAssignment, professionalId: ALEX.id, hours: 40, estimatedCost: 3600, automatic: true });
    await events.emit(AssignmentEvents.declined, { assignmentId: firstAssignment, requestId: housingRequest, memberId: housing.id, professionalId: ALEX.id, reason: 'conflict of interest' });
    await events.emit(RequestEvents.assigned, { requestId: housingRequest, memberId: housing.id, assignmentId: randomUUID(), professionalId: GENEVIEVE.id, hours: 40, estimatedCost: 3600, automatic: false });
    await events.emit(RequestEvents.cancelled, { requestId: housingRequest, memberId: housing.id, reason: 'Réglé à l’interne' });
    // Events of different requests may be handled at the same time: let the housing story end
    // first, so that the feed's newest-first order below is the order of this script.
    await eventually(() => expect(smtp.mails).toHaveLength(6));
    await submit(congressRequest, congress.id, CONGRESS_TITLE, 'normal');
    await events.emit(RequestEvents.unmatched, { requestId: congressRequest, memberId: congress.id, reason: 'nobody is free in that window' });

    await eventually(() => expect(smtp.mails).toHaveLength(7));
  });
  afterAll(async () => {
    await events?.close();
    await professionals?.stop();
    await stack?.dispose();
    await smtp?.stop();
  });

  async function registerMember(member: { name: string; language: string; contactEmail: string }) {
    const response = await call<{ id: string; contactEmail: string }>(stack.gatewayUrl(), 'POST', '/v1/members', {
      body: { ...member, sector: 'housing', region: 'quebec' },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  function submit(requestId: string, memberId: string, title: string, urgency: 'normal' | 'critical') {
    return events.emit(RequestEvents.submitted, {
      requestId,
      memberId,
      domain: 'legal',
      title,
      description: '…',
      startDate: '2027-03-01',
      endDate: '2027-03-12',
      estimatedHours: 40,
      language: 'fr',
      onSite: false,
      urgency,
      autoAssign: true,
      submittedAt: new Date().toISOString(),
    });
  }

  const subjectsTo = (address: string) => smtp.to(address).map((mail) => mail.subject).sort();

  it('writes to each professional in their preferred language: assignment, decline, cancellation', () => {
    expect(subjectsTo(ALEX.email)).toEqual([`Decline recorded: "${HOUSING_TITLE}"`, `New assignment: "${HOUSING_TITLE}"`]);
    expect(subjectsTo(GENEVIEVE.email)).toEqual([`Demande annulée : « ${HOUSING_TITLE} »`, `Nouvelle affectation : « ${HOUSING_TITLE} »`]);

    const [assignment] = smtp.to(ALEX.email).filter((mail) => mail.subject.startsWith('New assignment'));
    expect(assignment.language).toBe('en');
    expect(assignment.text).toContain('Hello Alex Morgan,');
    expect(assignment.text).toContain('from Fédération des coopératives d’habitation');
    expect(assignment.text).toContain('Window: 2027-03-01 to 2027-03-12');
    const [cancellation] = smtp.to(GENEVIEVE.email).filter((mail) => mail.subject.startsWith('Demande annulée'));
    expect(cancellation.language).toBe('fr');
    expect(cancellation.text).toContain('Motif : Réglé à l’interne');
  });

  it("writes to the member's contact in the member's language: assignment and unmatched", () => {
    expect(subjectsTo(housing.contactEmail)).toEqual([
      `Votre demande « ${HOUSING_TITLE} » est confiée à Alex Morgan`,
      `Votre demande « ${HOUSING_TITLE} » est confiée à Geneviève Tremblay`,
    ]);
    expect(subjectsTo(congress.contactEmail)).toEqual([`No professional available for "${CONGRESS_TITLE}"`]);
    expect(smtp.to(congress.contactEmail)[0].text).toContain('Our coordinators have been alerted');
  });

  it('retries a message the SMTP server refused for now, and logs each attempt', async () => {
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ kind: string; status: string; attempts: boolean[]; error: string | null }>(
        `SELECT m.kind, m.status, array_agg(a.succeeded ORDER BY a.id) AS attempts, min(a.error) AS error
         FROM notifications.email_message m JOIN notifications.email_attempt a ON a.message_id = m.id
         WHERE m.recipient_address = $1 GROUP BY m.id ORDER BY m.seq`,
        [GENEVIEVE.email],
      );
      // Which of her two messages met the refusal depends on timing; one did.
      const byAttempts = [...rows].sort((a, b) => a.attempts.length - b.attempts.length);
      expect(byAttempts.map((row) => [row.status, row.attempts])).toEqual([
        ['succeeded', [true]],
        ['succeeded', [false, true]],
      ]);
      expect(byAttempts[1].error).toContain('451');
      expect(rows.map((row) => row.kind)).toEqual(['professional.assigned', 'professional.cancelled']);
    } finally {
      await client.end();
    }
    // Refused, retried, then written once: never twice.
    expect(smtp.to(GENEVIEVE.email)).toHaveLength(2);
  });

  describe('coordinator feed', () => {
    const feed = async (query = '', language = 'en') =>
      (await call<CoordinatorNotificationPage>(stack.gatewayUrl(), 'GET', `/v1/notifications${query}`, { key: coordinatorKey, headers: { 'accept-language': language } })).body.items;
    const ofTheseRequests = (items: CoordinatorNotificationView[]) => items.filter((item) => item.requestId === housingRequest || item.requestId === congressRequest);

    it('lists urgent requests, declines and unmatched requests, newest first, in the caller’s language', async () => {
      const items = ofTheseRequests(await feed('', 'fr-CA,fr;q=0.9,en;q=0.5'));

      expect(items.map((item) => [item.kind, item.requestId])).toEqual([
        ['request_unmatched', congressRequest],
        ['assignment_declined', housingRequest],
        ['urgent_request', housingRequest],
      ]);
      expect(items[0].message).toBe(`Aucune ou aucun professionnel disponible pour « ${CONGRESS_TITLE} » : nobody is free in that window`);
      expect(items[1].message).toBe(`Affectation refusée pour « ${HOUSING_TITLE} » : conflict of interest`);
      expect(items[2].message).toContain('Nouvelle demande urgente (critical)');
      expect((await feed())[0].message).toBe(`No professional available for "${CONGRESS_TITLE}": nobody is free in that window`);
    });

    it('filters unread entries and marks one read', async () => {
      const unread = ofTheseRequests(await feed('?unread=true'));
      expect(unread).toHaveLength(3);

      const marked = await call<CoordinatorNotificationView>(stack.gatewayUrl(), 'POST', `/v1/notifications/${unread[1].id}/read`, { key: coordinatorKey });

      expect(marked.status).toBe(200);
      expect(marked.body.readAt).not.toBeNull();
      expect(ofTheseRequests(await feed('?unread=true')).map((item) => item.id)).toEqual([unread[0].id, unread[2].id]);
      expect(ofTheseRequests(await feed('?unread=false')).map((item) => item.id)).toEqual([unread[1].id]);
      const bad = await call<{ errors: { field: string }[] }>(stack.gatewayUrl(), 'GET', '/v1/notifications?unread=maybe', { key: coordinatorKey });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field)).toEqual(['unread']);
    });
  });
});
