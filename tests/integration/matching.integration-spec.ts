import { MatchingRpc, ProfessionalRpc, type DomainException } from '@coop/contracts';
import type { AssignmentPage, AvailabilityView, CreateProfessionalRequest, MatchListView, ProfessionalView, ServiceRequestView } from '@coop/contracts';
import { createService, RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { MatchingAppModule } from '../../apps/matching/src/app.module.js';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

// Everyone identical but for what a test is about, so text relevance cannot decide.
const SAME_TEXT = { skills: ['règlements généraux', 'assemblée générale'], bio: 'Conseille des coopératives sur leurs règlements.' };

describe('matching: ranked, explained candidates and assignments', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway']);
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
  });
  afterAll(() => stack.dispose());

  const hire = async (overrides: Partial<CreateProfessionalRequest>) => {
    const response = await call<ProfessionalView>(url, 'POST', '/v1/professionals', { key: coordinator, body: aProfessional({ ...SAME_TEXT, ...overrides }) });
    expect(response.status).toBe(201);
    return response.body;
  };
  const partnerOf = async (autoAssign: boolean) => {
    const member = await createMember(url, { sector: 'housing', autoAssign });
    return { member, key: (await issueKey(url, 'partner', member.id)).key };
  };
  const submit = async (key: string, body: Record<string, unknown>) => {
    const response = await call<ServiceRequestView>(url, 'POST', '/v1/requests', { key, body });
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const requestOf = async (id: string) => (await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: coordinator })).body;
  const settled = (id: string, statuses: string[]) =>
    eventually(async () => {
      const request = await requestOf(id);
      expect(statuses).toContain(request.status);
      return request;
    }, 20_000);
  const activeAssignment = async (requestId: string, professionalId: string) => {
    const page = (await call<AssignmentPage>(url, 'GET', `/v1/assignments?professionalId=${professionalId}&status=active`, { key: coordinator })).body;
    return page.items.find((a) => a.requestId === requestId);
  };
  const bookedHours = async (professionalId: string, from: string, to: string) =>
    (await call<AvailabilityView>(url, 'GET', `/v1/professionals/${professionalId}/availability?from=${from}&to=${to}`, { key: coordinator })).body;

  describe('a crafted field of legal advisers', () => {
    const start = weekDay(3);
    const end = weekDay(3, 4);
    let requestId: string;
    const people: Record<string, ProfessionalView> = {};

    beforeAll(async () => {
      const legal = (level: number, years: number) => [{ code: 'legal' as const, level, years }];
      const housing = { years: 10, sectors: ['housing' as const], mandates: 5 };
      people.best = await hire({ fullName: 'Alice Best', domains: legal(5, 15), coopExperience: housing, languages: ['fr'] });
      people.noSector = await hire({ fullName: 'Bruno Sanssecteur', domains: legal(5, 15), coopExperience: { ...housing, sectors: ['food'] }, languages: ['fr'] });
      people.junior = await hire({ fullName: 'Chloé Junior', domains: legal(2, 3), coopExperience: housing, languages: ['fr'] });
      people.english = await hire({ fullName: 'Dana English', domains: legal(5, 15), coopExperience: housing, languages: ['en'] });
      people.hr = await hire({ fullName: 'Éric RH', domains: [{ code: 'hr', level: 5, years: 15 }], coopExperience: housing, languages: ['fr'] });
      people.onLeave = await hire({ fullName: 'Fanny Congé', domains: legal(5, 15), coopExperience: housing, languages: ['fr'] });
      people.small = await hire({ fullName: 'Gilles Petit', domains: legal(5, 15), coopExperience: housing, languages: ['fr'], weeklyCapacityHours: 5 });
      const leave = await call(url, 'POST', `/v1/professionals/${people.onLeave.id}/time-off`, { key: coordinator, body: { startDate: weekDay(3, 1), endDate: weekDay(3, 4) } });
      expect(leave.status).toBe(201);

      const partner = await partnerOf(false);
      await eventually(async () => expect((await searchable(url, coordinator, { domain: 'legal', startDate: start, endDate: end, hours: 20 })).length).toBe(5), 30_000);
      requestId = await submit(partner.key, { domain: 'legal', title: 'Règlements généraux', description: 'Révision des règlements.', startDate: start, endDate: end, estimatedHours: 20 });
      await settled(requestId, ['pending_review']);
    });

    const matches = async (lang: 'fr' | 'en') => {
      const response = await call<MatchListView>(url, 'GET', `/v1/requests/${requestId}/matches?limit=20&explainExcluded=true`, {
        key: coordinator,
        headers: { 'accept-language': lang },
      });
      expect(response.status).toBe(200);
      return response.body;
    };
    const names = (list: MatchListView) => list.candidates.map((c) => c.fullName);

    it('ranks the available by the rules: sector experience above none, the dominating above the dominated', async () => {
      const list = await eventually(async () => {
        const current = await matches('en');
        expect(current.candidates).toHaveLength(5);
        return current;
      });

      expect(names(list).slice(0, 3)).toEqual(['Alice Best', 'Bruno Sanssecteur', 'Chloé Junior']);
      expect(list.candidates.slice(0, 3).every((c) => c.available)).toBe(true);
      expect(list.candidates[0].score).toBeGreaterThan(list.candidates[1].score);
      expect(list.candidates[0].estimatedCost).toBe(20 * people.best.costRate);
    });

    it('lists the partially available last, flagged, saying what is missing', async () => {
      const list = await matches('en');
      const partial = list.candidates.slice(3);

      expect(partial.map((c) => [c.fullName, c.available])).toEqual(
        expect.arrayContaining([
          ['Fanny Congé', false],
          ['Gilles Petit', false],
        ]),
      );
      expect(partial.find((c) => c.fullName === 'Fanny Congé')!.reasons[0]).toMatch(/^Partially available: time off leaves/);
      expect(partial.find((c) => c.fullName === 'Gilles Petit')!.reasons[0]).toMatch(/^Partially available: 5 h free of 20 h/);
    });

    it('excludes by language and domain, and explains the exclusions when asked', async () => {
      const list = await matches('fr');

      expect(names(list)).not.toContain('Dana English');
      expect(names(list)).not.toContain('Éric RH');
      expect(list.excluded).toEqual([{ professionalId: people.english.id, fullName: 'Dana English', reasons: ['Ne parle pas la langue de la demande'] }]);
    });

    it('names the deciding factors in French and in English', async () => {
      const [fr, en] = [await matches('fr'), await matches('en')];

      expect(fr.candidates[0].reasons).toEqual(expect.arrayContaining(['A déjà travaillé dans le secteur habitation']));
      expect(fr.candidates[0].reasons.some((r) => r.startsWith('Niveau 5/5 en droit'))).toBe(true);
      expect(en.candidates[0].reasons).toEqual(expect.arrayContaining(['Has worked in the housing sector']));
      expect(en.candidates[0].factors.sectorExperience).toBe(1);
      expect(en.candidates[1].factors.sectorExperience).toBe(0);
    });

    it('gives the same ranking for the same state', async () => {
      const [first, second] = [await matches('en'), await matches('en')];
      expect(second).toEqual(first);
    });

    it('takes the exhaustive ranking from tools over NATS, not from the HTTP API, and retrieval gives the same', async () => {
      const search = { domain: 'legal' as const, startDate: start, endDate: end, hours: 20, language: 'fr' as const, limit: 20 };
      const rpc = stack.app('gateway').get(RpcClient);

      const [usual, everyone] = [await rpc.send(MatchingRpc.search, search), await rpc.send(MatchingRpc.search, { ...search, exhaustive: true })];
      expect(everyone.candidates).toEqual(usual.candidates);
      expect(everyone.candidates).toHaveLength(5);
      const notABoolean = await rpc.send(MatchingRpc.search, { ...search, exhaustive: 'yes' as unknown as boolean }).catch((error: DomainException) => error);
      expect(notABoolean).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'exhaustive' })] });

      const viaHttp = await call<{ errors: { field: string }[] }>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { ...search, exhaustive: true } });
      expect(viaHttp.status).toBe(400);
      expect(viaHttp.body.errors.map((e) => e.field)).toEqual(['exhaustive']);
    });

    it('takes the hours as estimatedHours, like a request, and still under their old name hours', async () => {
      const search = { domain: 'legal', startDate: start, endDate: end, language: 'fr', limit: 20 };
      const ask = (body: object) => call<MatchListView & { errors?: { field: string; message: string }[] }>(url, 'POST', '/v1/matches/search', { key: coordinator, body: { ...search, ...body } });
      const names = (list: MatchListView) => list.candidates.map((c) => `${c.fullName} ${c.freeHours} ${c.score}`);

      const [current, deprecated, tooMany] = [await ask({ estimatedHours: 20 }), await ask({ hours: 20 }), await ask({ estimatedHours: 20_000 })];
      expect([current.status, deprecated.status]).toEqual([200, 200]);
      expect(names(deprecated.body)).toEqual(names(current.body));
      expect(current.body.candidates.length).toBeGreaterThan(0);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors?.map((e) => e.field)).toEqual(['estimatedHours']);

      const neither = await ask({});
      expect(neither.status).toBe(400);
      expect(neither.body.errors).toEqual([{ field: 'estimatedHours', message: 'estimatedHours is required' }]);
    });
  });

  it('counts whichever of the text’s keywords a profile holds, not only its first word: skills in full, the bio by half', async () => {
    const strategy = [{ code: 'strategy' as const, level: 4, years: 8 }];
    const members = await hire({ fullName: 'Anne Mobilisation', domains: strategy, skills: ['mobilisation des membres', 'sondages'], bio: 'Accompagne des coopératives.' });
    const volunteers = await hire({ fullName: 'Benoît Bénévoles', domains: strategy, skills: ['budget'], bio: 'Anime la mobilisation des bénévoles.' });
    const neither = await hire({ fullName: 'Carole Budget', domains: strategy, skills: ['budget'], bio: 'Accompagne des coopératives.' });
    const body = { domain: 'strategy', startDate: weekDay(4), endDate: weekDay(4, 4), estimatedHours: 10, language: 'fr', text: 'Refonte de la mobilisation des membres' };

    // "refonte", the first word, is in no profile: the other two still count (2 of 3 in skills; 1 of 3 in a bio, by half).
    const list = await eventually(async () => {
      const response = await call<MatchListView>(url, 'POST', '/v1/matches/search', { key: coordinator, body, headers: { 'accept-language': 'en' } });
      expect(response.status).toBe(200);
      expect(response.body.candidates).toHaveLength(3);
      return response.body;
    }, 30_000);
    const byId = new Map(list.candidates.map((c) => [c.professionalId, c]));
    expect(byId.get(members.id)?.factors.textRelevance).toBeCloseTo(2 / 3, 3);
    expect(byId.get(volunteers.id)?.factors.textRelevance).toBeCloseTo(1 / 6, 3);
    expect(byId.get(neither.id)?.factors.textRelevance).toBe(0);
    expect(list.candidates.map((c) => c.professionalId)).toEqual([members.id, volunteers.id, neither.id]);
  });

  it('ranks hundreds of candidates over a year-long window (their availability does not fit one NATS message)', async () => {
    const rpc = stack.app('gateway').get(RpcClient);
    const professionals = Array.from({ length: 400 }, () => aProfessional({ domains: [{ code: 'research', level: 3, years: 5 }], languages: ['fr'] }));
    expect((await rpc.send(ProfessionalRpc.import, { professionals }, { timeoutMs: 60_000 })).created).toBe(400);
    const search = { domain: 'research' as const, startDate: weekDay(1), endDate: weekDay(53), hours: 100, language: 'fr' as const, limit: 100 };
    await eventually(async () => {
      const list = await rpc.send(MatchingRpc.search, { ...search, limit: 1 });
      expect(list.candidates.length).toBeGreaterThan(0);
    }, 30_000);

    // About 400 candidates × 53 weeks: some 3 MB of availability, asked in several calls.
    const [deep, everyone] = [await rpc.send(MatchingRpc.search, search, { timeoutMs: 30_000 }), await rpc.send(MatchingRpc.search, { ...search, exhaustive: true }, { timeoutMs: 30_000 })];

    expect(deep.candidates).toHaveLength(100);
    expect(deep.candidates.every((c) => c.available && c.freeHours > 1000)).toBe(true);
    expect(deep.candidates.map((c) => [c.professionalId, c.score])).toEqual(everyone.candidates.map((c) => [c.professionalId, c.score]));
  });

  it('assigns one request per free slot when 20 identical requests arrive at once on two matching replicas', async () => {
    const secondMatching = await createService('matching', MatchingAppModule.forRoot(stack.env), stack.env);
    try {
      const events = [{ code: 'events' as const, level: 4, years: 8 }];
      const onlyOne = await hire({ fullName: 'Hélène Unique', domains: events, weeklyCapacityHours: 10, languages: ['fr'] });
      const roomForFive = await hire({ fullName: 'Ivan Cinq', domains: [{ code: 'events', level: 2, years: 2 }], weeklyCapacityHours: 50, languages: ['fr'] });
      const partner = await partnerOf(true);
      const body = { domain: 'events', title: 'Congrès annuel', description: 'Coordination du congrès.', startDate: weekDay(5), endDate: weekDay(5, 4), estimatedHours: 10 };
      await eventually(async () => expect((await searchable(url, coordinator, body)).length).toBe(2), 30_000);

      const ids = await Promise.all(Array.from({ length: 20 }, () => submit(partner.key, body)));
      const final = await Promise.all(ids.map((id) => settled(id, ['assigned', 'unmatched'])));

      const assignedTo = final.filter((r) => r.status === 'assigned').map((r) => r.assignment?.professionalId);
      expect(assignedTo.filter((id) => id === onlyOne.id)).toHaveLength(1);
      expect(assignedTo.filter((id) => id === roomForFive.id)).toHaveLength(5);
      expect(final.filter((r) => r.status === 'unmatched')).toHaveLength(14);
      for (const professional of [onlyOne, roomForFive]) {
        const availability = await bookedHours(professional.id, body.startDate, body.endDate);
        expect(availability.weeks.every((week) => week.bookedHours <= week.capacityHours)).toBe(true);
      }
      expect((await bookedHours(onlyOne.id, body.startDate, body.endDate)).bookedHours).toBe(10);
    } finally {
      await secondMatching.close();
    }
  });

  it('re-matches a declined request to someone else, and gives capacity back on override and cancel', async () => {
    const governance = (level: number) => [{ code: 'governance' as const, level, years: 10 }];
    const first = await hire({ fullName: 'Julie Première', domains: governance(5), languages: ['fr'] });
    const second = await hire({ fullName: 'Karim Second', domains: governance(4), languages: ['fr'] });
    const third = await hire({ fullName: 'Léa Troisième', domains: governance(3), languages: ['fr'] });
    const partner = await partnerOf(true);
    const window = { startDate: weekDay(7), endDate: weekDay(7, 4) };
    const body = { domain: 'governance', title: 'Assemblée générale', description: 'Préparer l’assemblée.', ...window, estimatedHours: 12 };
    await eventually(async () => expect((await searchable(url, coordinator, { ...body, hours: 12 })).length).toBe(3), 30_000);
    const booked = async (p: ProfessionalView) => (await bookedHours(p.id, window.startDate, window.endDate)).bookedHours;

    const requestId = await submit(partner.key, body);
    await settled(requestId, ['assigned']);
    const original = await activeAssignment(requestId, first.id);
    expect(original).toBeDefined();
    expect(await booked(first)).toBe(12);

    const decline = await call(url, 'POST', `/v1/assignments/${original!.id}/decline`, { key: coordinator, body: { reason: 'Conflit d’intérêts' } });
    expect(decline.status).toBe(200);
    await eventually(async () => expect((await requestOf(requestId)).assignment?.professionalId).toBe(second.id), 20_000);
    await eventually(async () => expect(await booked(first)).toBe(0));
    expect(await booked(second)).toBe(12);
    const again = await call(url, 'POST', `/v1/requests/${requestId}/assignments`, { key: coordinator, body: { professionalId: first.id } });
    expect(again.status).toBe(409);

    const override = await call(url, 'POST', `/v1/requests/${requestId}/assignments`, { key: coordinator, body: { professionalId: third.id } });
    expect(override.status).toBe(201);
    await eventually(async () => expect(await booked(second)).toBe(0));
    expect(await booked(third)).toBe(12);

    const cancel = await call(url, 'POST', `/v1/requests/${requestId}/cancel`, { key: partner.key, body: {} });
    expect(cancel.status).toBe(200);
    await eventually(async () => expect(await booked(third)).toBe(0));
    await settled(requestId, ['cancelled']);
  });
});

/** The ad hoc search, used to wait until new profiles are in the index. */
async function searchable(url: string, key: string, body: Record<string, unknown>) {
  const { domain, startDate, endDate } = body as { domain: string; startDate: string; endDate: string };
  const response = await call<MatchListView>(url, 'POST', '/v1/matches/search', {
    key,
    body: { domain, startDate, endDate, estimatedHours: Number(body.estimatedHours ?? body.hours), language: 'fr', limit: 50 },
  });
  expect(response.status).toBe(200);
  return response.body.candidates;
}
