import type {
  CreatedWebhookEndpointView,
  CreateProfessionalRequest,
  ExpertiseDomainCode,
  MatchListView,
  NearestFitsSummary,
  NearestFitView,
  ProfessionalView,
  RequestStatus,
  ServiceRequestView,
} from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { settledRequest } from '../support/request-status.js';
import { TestStack } from '../support/test-stack.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

// Everyone identical but for what a test is about, so text relevance cannot decide.
const SAME_TEXT = { skills: ['assemblée générale', 'congrès'], bio: 'Accompagne des coopératives.', region: 'quebec' };
const HOUSING = { years: 10, sectors: ['housing' as const], mandates: 5 };

describe('nearest fits: what would make someone available', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway'], { DELIVERY_POLL_MS: '50' });
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await stack?.dispose();
  });

  const hire = async (domain: ExpertiseDomainCode, overrides: Partial<CreateProfessionalRequest>) => {
    const response = await call<ProfessionalView>(url, 'POST', '/v1/professionals', {
      key: coordinator,
      body: aProfessional({ ...SAME_TEXT, coopExperience: HOUSING, languages: ['fr'], ...overrides, domains: overrides.domains ?? [{ code: domain, level: 5, years: 15 }] }),
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const timeOff = async (professional: ProfessionalView, startDate: string, endDate: string) =>
    expect((await call(url, 'POST', `/v1/professionals/${professional.id}/time-off`, { key: coordinator, body: { startDate, endDate } })).status).toBe(201);
  /** A member (housing, auto-assign) with a partner key and a webhook endpoint for request.unmatched. */
  const partner = async (path: string) => {
    const member = await createMember(url, { sector: 'housing', autoAssign: true });
    const key = (await issueKey(url, 'partner', member.id)).key;
    const hook = await call<CreatedWebhookEndpointView>(url, 'POST', '/v1/webhooks', { key, body: { url: receiver.endpoint(path), eventTypes: ['request.unmatched'] } });
    expect(hook.status).toBe(201);
    return key;
  };
  const submit = async (key: string, body: Record<string, unknown>) => {
    const response = await call<ServiceRequestView>(url, 'POST', '/v1/requests', { key, body: { title: 'Mandat', description: 'Accompagnement.', ...body } });
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const settled = (id: string, status: RequestStatus) => settledRequest(url, coordinator, id, [status]);
  const matches = async (requestId: string, lang: 'fr' | 'en' = 'en', query = '') => {
    const response = await call<MatchListView>(url, 'GET', `/v1/requests/${requestId}/matches${query}`, { key: coordinator, headers: { 'accept-language': lang } });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Waits until the index sees `count` professionals of the domain speaking `language`. */
  const searchable = (domain: ExpertiseDomainCode, language: 'fr' | 'en', count: number) =>
    eventually(async () => {
      const body = { domain, language, startDate: weekDay(2), endDate: weekDay(2, 4), hours: 1, limit: 50 };
      const response = await call<MatchListView>(url, 'POST', '/v1/matches/search', { key: coordinator, body });
      expect(response.body.candidates).toHaveLength(count);
    }, 30_000);
  /** The nearest-fits summary the member's endpoint received with request.unmatched. */
  const unmatchedWebhook = (path: string, requestId: string) =>
    eventually(() => {
      const bodies = receiver.on(path).map((webhook) => JSON.parse(webhook.body) as { type: string; data: { requestId: string; nearestFits?: NearestFitsSummary } });
      const body = bodies.find((b) => b.type === 'request.unmatched' && b.data.requestId === requestId);
      expect(body?.data.nearestFits).toBeDefined();
      return body!.data.nearestFits!;
    }, 20_000);
  const kind = (suggestions: NearestFitView[], wanted: NearestFitView['kind']) => suggestions.filter((s) => s.kind === wanted);
  const people = (s: NearestFitView) => s.professionals.map((p) => `${p.fullName} ${p.hours}`).join(' + ');

  it('offers 30 h requested of someone with 24 h free: "24 h now", and the window stretched or shifted to the right dates', async () => {
    // 20 h a week, the first Monday and Tuesday off: 12 h the first week, 24 h of the 30 over the two weeks.
    const annie = await hire('legal', { fullName: 'Annie Bergeron', weeklyCapacityHours: 20 });
    await timeOff(annie, weekDay(3), weekDay(3, 1));
    await searchable('legal', 'fr', 1);
    const key = await partner('/legal');

    const requestId = await submit(key, { domain: 'legal', startDate: weekDay(3), endDate: weekDay(4, 4), estimatedHours: 30 });
    await settled(requestId, 'unmatched');

    const { nearestFits } = await matches(requestId);
    const suggestions = nearestFits!.suggestions;
    expect(kind(suggestions, 'fewer_hours').map((s) => [people(s), s.change, s.apply])).toEqual([
      ['Annie Bergeron 24', { estimatedHours: 24 }, { method: 'POST', path: `/v1/requests/${requestId}/assignments`, body: { professionalId: annie.id, hours: 24 } }],
    ]);
    // Three working days more leave the first week its 12 h; a day later, the first week has four days: 12 h.
    expect(kind(suggestions, 'stretched_window').map((s) => s.change)).toEqual([{ endDate: weekDay(5, 2), workingDaysMoved: 3 }]);
    expect(kind(suggestions, 'shifted_window').map((s) => s.change)).toEqual([{ startDate: weekDay(3, 1), endDate: weekDay(5), workingDaysMoved: 1 }]);
    expect(suggestions.every((s) => s.relaxes !== 'language' && !s.hardConstraint)).toBe(true);
    expect(suggestions[0].reason).toBe('Annie Bergeron is free for 24 h of the 30 h: 24 h now');
    expect((await matches(requestId, 'fr')).nearestFits!.suggestions[0].reason).toBe('Annie Bergeron est libre 24 h sur les 30 h : 24 h dès maintenant');

    const summary = await unmatchedWebhook('/legal', requestId);
    expect(summary).toMatchObject({ requestedHours: 30, availableProfessionals: 0, hoursPossibleNow: 24, allHoursWindow: { startDate: weekDay(3, 1), endDate: weekDay(5) } });
    expect(summary.text.en).toMatch(/^Nobody for 30 h; 24 h are possible now; all 30 h from /);
    expect(summary.text.fr).toMatch(/^Personne pour 30 h ; 24 h sont possibles dès maintenant ; /);

    // Asked not to: the matches alone. A malformed switch is refused, naming it.
    expect((await matches(requestId, 'en', '?nearestFits=false')).nearestFits).toBeUndefined();
    const bad = await call<{ errors: Array<{ field: string }> }>(url, 'GET', `/v1/requests/${requestId}/matches?nearestFits=maybe`, { key: coordinator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['nearestFits']);
  });

  it('offers an English request, when only French speakers are free, the other language as relaxing a hard constraint', async () => {
    const busy = await hire('hr', { fullName: 'Emma Busy', languages: ['en'], weeklyCapacityHours: 5 });
    const marc = await hire('hr', { fullName: 'Marc Côté', languages: ['fr'] });
    await searchable('hr', 'fr', 1);
    await searchable('hr', 'en', 1);
    const key = await partner('/hr');

    const requestId = await submit(key, { domain: 'hr', language: 'en', startDate: weekDay(3), endDate: weekDay(4, 4), estimatedHours: 30 });
    await settled(requestId, 'unmatched');

    const { candidates, nearestFits } = await matches(requestId);
    expect(candidates.map((c) => [c.professionalId, c.available])).toEqual([[busy.id, false]]);
    const [language] = kind(nearestFits!.suggestions, 'other_language');
    expect(language).toMatchObject({ relaxes: 'language', hardConstraint: true, change: { language: 'fr' }, professionals: [{ professionalId: marc.id, hours: 30 }] });
    expect(language.reason).toBe('Marc Côté does not speak English, a hard constraint of the request, but works in French and is free for the whole window');
    // Marc is offered only as that: never as if the language did not matter.
    expect(nearestFits!.suggestions.filter((s) => s.professionals.some((p) => p.professionalId === marc.id)).map((s) => s.kind)).toEqual(['other_language']);
    expect((await unmatchedWebhook('/hr', requestId)).otherLanguage).toBe('fr');

    // The same question as an ad hoc search, on demand.
    const search = { domain: 'hr', language: 'en', startDate: weekDay(3), endDate: weekDay(4, 4), hours: 30, sector: 'housing', text: 'Mandat Accompagnement.', nearestFits: true };
    const asked = await call<MatchListView>(url, 'POST', '/v1/matches/search', { key: coordinator, body: search });
    expect(asked.status).toBe(200);
    const withoutActions = (list: NearestFitView[]) => list.map(({ apply: _apply, ...rest }) => rest);
    expect(withoutActions(asked.body.nearestFits!.suggestions)).toEqual(withoutActions(nearestFits!.suggestions));
    expect(asked.body.nearestFits!.suggestions.every((s) => s.apply === undefined)).toBe(true);
    const notAsked = await call<MatchListView>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { ...search, nearestFits: undefined } });
    expect(notAsked.body.nearestFits).toBeUndefined();
    const bad = await call<{ errors: Array<{ field: string }> }>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { ...search, nearestFits: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['nearestFits']);
  });

  it('offers a request two professionals can share as a split naming the hours of each', async () => {
    // 9 h and 6 h a week: 18 h and 12 h over the two weeks, 30 together.
    const paul = await hire('marketing', { fullName: 'Paul Expert', weeklyCapacityHours: 9 });
    const rita = await hire('marketing', { fullName: 'Rita Junior', weeklyCapacityHours: 6, domains: [{ code: 'marketing', level: 2, years: 2 }] });
    await searchable('marketing', 'fr', 2);
    const key = await partner('/marketing');

    const requestId = await submit(key, { domain: 'marketing', startDate: weekDay(3), endDate: weekDay(4, 4), estimatedHours: 30 });
    await settled(requestId, 'unmatched');

    const { nearestFits } = await matches(requestId);
    const [split] = kind(nearestFits!.suggestions, 'split');
    expect(split).toMatchObject({ relaxes: 'single_professional', hardConstraint: false, change: {} });
    expect(split.professionals.map((p) => [p.professionalId, p.hours, p.freeHours])).toEqual([
      [paul.id, 18, 18],
      [rita.id, 12, 12],
    ]);
    expect(split.reason).toBe('Two professionals together: Paul Expert 18 h + Rita Junior 12 h');
    // One step: a shared assignment of both, each for their hours.
    expect(split.apply).toEqual({ method: 'POST', path: `/v1/requests/${requestId}/shared-assignments`, body: { parts: [{ professionalId: paul.id, hours: 18 }, { professionalId: rita.id, hours: 12 }] } });
    expect((await unmatchedWebhook('/marketing', requestId)).splitHours).toEqual([18, 12]);
  });

  it('answers the urgent replacement (critical, next week, the best organiser on time off) with ranked fits a coordinator applies in one call', async () => {
    const chantal = await hire('events', { fullName: 'Chantal Organisatrice', weeklyCapacityHours: 35 });
    const denis = await hire('events', { fullName: 'Denis Second', weeklyCapacityHours: 20, domains: [{ code: 'events', level: 4, years: 10 }] });
    await hire('events', { fullName: 'Farah Junior', weeklyCapacityHours: 10, domains: [{ code: 'events', level: 3, years: 4 }], coopExperience: { years: 2, sectors: ['food'], mandates: 1 } });
    await timeOff(chantal, weekDay(1), weekDay(1, 2)); // Monday to Wednesday: 14 h left that week
    await searchable('events', 'fr', 3);
    const key = await partner('/events');

    const requestId = await submit(key, { domain: 'events', title: 'Congrès annuel', description: 'L’organisatrice est partie.', startDate: weekDay(1), endDate: weekDay(1, 4), estimatedHours: 30, urgency: 'critical' });
    const unmatched = await settled(requestId, 'unmatched');
    expect(unmatched.statusReason).toBe('no professional free for the whole window');
    expect((await unmatchedWebhook('/events', requestId)).text.en).toMatch(/^Nobody for 30 h; 20 h are possible now; /);

    const list = await matches(requestId);
    expect(list.candidates[0]).toMatchObject({ professionalId: chantal.id, available: false });
    expect(list.candidates[0].reasons[0]).toBe('Partially available: time off leaves 14 h of 30 h');
    const suggestions = list.nearestFits!.suggestions;
    expect(suggestions.map((s) => s.rank)).toEqual(suggestions.map((_s, i) => i + 1));
    expect(kind(suggestions, 'fewer_hours').map(people)).toEqual(['Denis Second 20', 'Chantal Organisatrice 14']);
    expect(kind(suggestions, 'split').map(people)[0]).toBe('Chantal Organisatrice 14 + Denis Second 16');
    expect(suggestions.filter((s) => s.kind === 'fewer_hours' || s.kind === 'split').every((s) => s.apply !== undefined)).toBe(true);

    // One step: send what the first suggestion says.
    const [best] = suggestions;
    const applied = await call(url, best.apply!.method, best.apply!.path, { key: coordinator, body: best.apply!.body });
    expect(applied.status).toBe(201);
    const assigned = await settled(requestId, 'assigned');
    expect(assigned.assignment).toMatchObject({ professionalId: denis.id, hours: 20 });
  });

  it('documents the nearest fits in the OpenAPI document: the option on both routes and every field of the answer', async () => {
    type Schema = {
      properties?: Record<string, { $ref?: string; enum?: string[]; items?: { $ref?: string }; description?: string; allOf?: Array<{ $ref: string }> }>;
      required?: string[];
      enum?: string[];
    };
    type Document = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>; components: { schemas: Record<string, Schema> } };
    const { paths, components } = (await call<Document>(url, 'GET', '/docs-json', { key: null })).body;
    const { schemas } = components;
    const ref = (property?: { $ref?: string; allOf?: Array<{ $ref: string }> }) => property?.$ref ?? property?.allOf?.[0]?.$ref;
    const enumOf = (property: { $ref?: string; enum?: string[] }) => property.enum ?? schemas[ref(property)!.split('/').pop()!].enum;

    expect(paths['/v1/requests/{id}/matches'].get.parameters?.map((p) => p.name)).toContain('nearestFits');
    expect(Object.keys(schemas.MatchSearchBody.properties!)).toContain('nearestFits');
    expect(ref(schemas.MatchListView.properties!.nearestFits)).toBe('#/components/schemas/NearestFitsView');
    expect(ref(schemas.NearestFitsView.properties!.summary)).toBe('#/components/schemas/NearestFitsSummary');
    expect(enumOf(schemas.NearestFitView.properties!.kind)).toEqual(['fewer_hours', 'stretched_window', 'shifted_window', 'split', 'other_language']);
    expect(enumOf(schemas.NearestFitView.properties!.relaxes)).toEqual(['hours', 'window', 'single_professional', 'language']);
    expect(schemas.NearestFitView.required).toEqual(expect.arrayContaining(['rank', 'kind', 'relaxes', 'hardConstraint', 'score', 'professionals', 'change', 'reason']));
    expect(Object.keys(schemas.NearestFitsSummary.properties!)).toEqual(
      expect.arrayContaining(['requestedHours', 'availableProfessionals', 'hoursPossibleNow', 'allHoursWindow', 'splitHours', 'otherLanguage', 'suggestions', 'text']),
    );
    for (const name of ['NearestFitView', 'NearestFitPart', 'NearestFitChange', 'NearestFitsSummary']) {
      for (const [field, property] of Object.entries(schemas[name].properties!)) {
        expect({ name, field, documented: !!(property.description ?? ref(property) ?? property.enum ?? property.items) || ['professionalId', 'fullName', 'rank'].includes(field) }).toEqual({ name, field, documented: true });
      }
    }
  });
});
