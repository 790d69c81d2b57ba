import type { AssignmentView, CallerView, CapacityGridView, ProfessionalView, RequestHistoryView, ServiceRequestView } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { openApiDocumentOffline } from '../../apps/gateway/src/http/openapi-document.js';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

// The API the console needs beyond what partner systems use: who a key is, a request's history,
// the capacity grid in one call, the console's files, and the OpenAPI document made offline.
describe('the API behind the console', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway']);
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
  });
  afterAll(() => stack.dispose());

  it('says who a key is: role, and a partner’s member with its name', async () => {
    const member = await createMember(url, { name: 'Fédération des coopératives funéraires' });
    const partner = await issueKey(url, 'partner', member.id);

    const asPartner = await call<CallerView>(url, 'GET', '/v1/me', { key: partner.key });
    const asCoordinator = await call<CallerView>(url, 'GET', '/v1/me', { key: coordinator });

    expect(asPartner.body).toEqual({ credentialId: partner.id, role: 'partner', memberId: member.id, memberName: 'Fédération des coopératives funéraires' });
    expect(asCoordinator.body).toMatchObject({ role: 'coordinator', memberId: null, memberName: null });
    expect((await call(url, 'GET', '/v1/me', { key: 'cem_live_unknownAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
  });

  it('keeps every step of a request’s life in order, with reasons, and hides the coordinator’s note from the partner', async () => {
    const member = await createMember(url, { autoAssign: true });
    const partner = (await issueKey(url, 'partner', member.id)).key;
    const [first, second] = await Promise.all(
      ['Avocate principale', 'Avocat second'].map(async (fullName, index) => {
        const body = aProfessional({ fullName, domains: [{ code: 'legal', level: 5 - index, years: 15 }], languages: ['fr'] });
        return (await call<ProfessionalView>(url, 'POST', '/v1/professionals', { key: coordinator, body })).body;
      }),
    );
    const window = { startDate: weekDay(3), endDate: weekDay(3, 4) };
    await eventually(async () => {
      const found = await call<{ candidates: unknown[] }>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { domain: 'legal', ...window, hours: 10, language: 'fr' } });
      expect(found.body.candidates.length).toBeGreaterThanOrEqual(2);
    }, 20_000);
    const body = { domain: 'legal', title: 'Analyse de nos règlements', description: 'Un jugement récent', ...window, estimatedHours: 10, language: 'fr' };
    const { id } = (await call<{ id: string }>(url, 'POST', '/v1/requests', { key: partner, body })).body;
    const assigned = await eventually(async () => {
      const request = (await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: coordinator })).body;
      expect(request.status).toBe('assigned');
      return request;
    }, 20_000);
    const other = assigned.assignment!.professionalId === first.id ? second : first;
    const override = await call<AssignmentView>(url, 'POST', `/v1/requests/${id}/assignments`, { key: coordinator, body: { professionalId: other.id, reason: 'Connaît déjà ce dossier' } });
    expect(override.status).toBe(201);
    await call(url, 'POST', `/v1/assignments/${override.body.id}/decline`, { key: coordinator, body: { reason: 'Conflit d’intérêts' } });

    const history = await eventually(async () => {
      const view = (await call<RequestHistoryView>(url, 'GET', `/v1/requests/${id}/history`, { key: coordinator })).body;
      expect(view.entries.map((entry) => entry.type)).toEqual(['submitted', 'assigned', 'assigned', 'declined', 'assigned']);
      return view;
    }, 20_000);
    const [submitted, automatic, overridden, declined, rematched] = history.entries;
    expect(submitted).toMatchObject({ status: 'submitted' });
    expect(automatic).toMatchObject({ automatic: true, professionalId: assigned.assignment!.professionalId, hours: 10 });
    expect(overridden).toMatchObject({ automatic: false, professionalId: other.id, replacesAssignmentId: assigned.assignment!.id, reason: 'Connaît déjà ce dossier' });
    expect(declined).toMatchObject({ professionalId: other.id, reason: 'Conflit d’intérêts', status: 'submitted' });
    expect(rematched).toMatchObject({ automatic: true, professionalId: assigned.assignment!.professionalId, status: 'assigned' });
    const times = history.entries.map((entry) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const asPartner = (await call<RequestHistoryView>(url, 'GET', `/v1/requests/${id}/history`, { key: partner })).body;
    expect(asPartner.entries.map((entry) => entry.type)).toEqual(history.entries.map((entry) => entry.type));
    expect(asPartner.entries[2].reason).toBeUndefined();
    expect(asPartner.entries[3].reason).toBe('Conflit d’intérêts');
    const stranger = (await issueKey(url, 'partner', (await createMember(url)).id)).key;
    expect((await call(url, 'GET', `/v1/requests/${id}/history`, { key: stranger })).status).toBe(404);
  });

  it('answers the whole capacity grid in one call: capacity, booked hours, days off and bookings per week', async () => {
    const professional = (await call<ProfessionalView>(url, 'POST', '/v1/professionals', { key: coordinator, body: aProfessional({ fullName: 'Grille Capacité', weeklyCapacityHours: 30 }) })).body;
    await call(url, 'POST', `/v1/professionals/${professional.id}/time-off`, { key: coordinator, body: { startDate: weekDay(2), endDate: weekDay(2, 1), reason: 'Congé' } });
    const member = await createMember(url, { autoAssign: false });
    await eventually(async () => {
      const found = await call<{ candidates: Array<{ professionalId: string }> }>(url, 'POST', '/v1/matches/search', {
        key: coordinator,
        body: { domain: 'legal', startDate: weekDay(4), endDate: weekDay(4, 4), hours: 12, language: 'fr', limit: 100 },
      });
      expect(found.body.candidates.map((candidate) => candidate.professionalId)).toContain(professional.id);
    }, 20_000);
    const body = { memberId: member.id, domain: 'legal', title: 'Grille', description: 'Réservation', startDate: weekDay(4), endDate: weekDay(4, 4), estimatedHours: 12 };
    const { id } = (await call<{ id: string }>(url, 'POST', '/v1/requests', { key: coordinator, body })).body;
    await eventually(async () => expect((await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: coordinator })).body.status).toBe('pending_review'), 20_000);
    const assignment = (await call<AssignmentView>(url, 'POST', `/v1/requests/${id}/assignments`, { key: coordinator, body: { professionalId: professional.id } })).body;

    const grid = await call<CapacityGridView>(url, 'GET', `/v1/professionals/capacity?from=${weekDay(0, 3)}&weeks=6&q=Capacit%C3%A9`, { key: coordinator });

    expect(grid.status).toBe(200);
    expect(grid.body.weeks.map((week) => week.weekStart)).toEqual([0, 1, 2, 3, 4, 5].map((n) => weekDay(n)));
    expect(grid.body.rows.map((row) => row.professionalId)).toEqual([professional.id]);
    const cells = grid.body.rows[0].cells;
    expect(cells[0]).toMatchObject({ capacityHours: 30, bookedHours: 0, timeOffDays: [], bookings: [] });
    expect(cells[2]).toMatchObject({ capacityHours: 18, bookedHours: 0, timeOffDays: [weekDay(2), weekDay(2, 1)] });
    expect(cells[4]).toMatchObject({ capacityHours: 30, bookedHours: 12 });
    expect(cells[4].bookings).toEqual([{ assignmentId: assignment.id, hours: 12, startDate: weekDay(4), endDate: weekDay(4, 4), totalHours: 12 }]);

    const refused = await call<{ errors: Array<{ field: string }> }>(url, 'GET', '/v1/professionals/capacity?weeks=40', { key: coordinator });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field)).toEqual(['weeks']);
  });

  it('serves the console at /console/ (its routes too) and sends a browser opening / there', async () => {
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    const page = await fetch(`${url}/console/requests/00000000-0000-4000-8000-000000000000`);
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${url}${script}`);
    const missing = await fetch(`${url}/console/assets/missing.js`);
    // Unread bodies would hold their connections open past the gateway's close.
    await Promise.all([root, asset, missing].map((response) => response.arrayBuffer()));

    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<div id="root">');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(missing.status).toBe(404);
  });

  it('makes the same OpenAPI document offline as the running gateway serves', async () => {
    const live = await call<object>(url, 'GET', '/docs-json', { key: null });
    // The servers entry names the configured port: the test's gateway is given port 0.
    const offline = await openApiDocumentOffline('http://localhost:0');
    expect(JSON.parse(JSON.stringify(offline))).toEqual(live.body); // as JSON, which has no undefined
  });
});
