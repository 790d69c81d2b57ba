import { jest } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import pg from 'pg';
import { EXPERTISE_DOMAIN_CODES, formatDay, freeHoursField, SearchIndexRpc, type ProfessionalPage, type RebuildIndexResult, type ProfessionalView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { SearchDocumentBuilder } from '../../apps/professionals/src/search/search-document.builder.js';
import { DEMO_PROFESSIONALS } from '../../tools/demo/demo-professionals.js';
import { seedProfessionals } from '../../tools/demo/seed-professionals.js';
import { issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, holding, searchIndex, thisMonday } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

// Meilisearch takes a few seconds over the first writes to a new index (each test file has its own);
// after that a change is searchable in about 100 ms (see tools/bench for the figures).
const INDEX_WARM_UP_MS = 20_000;

type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };

describe('professionals: profiles and their search index', () => {
  let stack: TestStack;
  let url: string;
  let key: string;
  // Professionals are the coordinators' business (an admin key may not manage them).
  const api = <T = unknown>(method: string, path: string, options: { body?: unknown } = {}) => call<T>(url, method, path, { ...options, key });
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'gateway']);
    url = stack.gatewayUrl();
    key = (await issueKey(url, 'coordinator')).key;
  });
  afterAll(() => stack.dispose());

  const create = async (overrides: Parameters<typeof aProfessional>[0] = {}) => {
    const response = await api<ProfessionalView>('POST', '/v1/professionals', { body: aProfessional(overrides) });
    expect(response.status).toBe(201);
    return response.body;
  };

  it('creates, reads, updates and deactivates a professional, and the index follows each change', async () => {
    const created = await create({ skills: ['gouvernance coopérative', 'zéphyrine'] });
    expect(created).toMatchObject({ active: true, weeklyCapacityHours: 35, coopExperience: { years: 16, sectors: ['housing', 'funeral'], mandates: 42 } });
    expect((await api<ProfessionalView>('GET', `/v1/professionals/${created.id}`)).body).toEqual(created);

    const index = searchIndex(stack);
    const found = await eventually(async () => {
      const { hits } = await holding(index, 'zéphyrine', 'active = true AND domains = legal AND profileScores.legal > 0 AND languages = fr');
      expect(hits.map((hit) => hit.id)).toEqual([created.id]);
      return hits[0];
    }, INDEX_WARM_UP_MS);
    expect(found).toMatchObject({ domainLevels: { legal: 5 }, region: 'montreal', coopYears: 16, coopSectors: ['housing', 'funeral'], keywords: expect.arrayContaining(['legal', 'gouvernance', 'zephyrine']) });
    expect(found.freeHours[freeHoursField(thisMonday() + 7)]).toBe(35);
    expect(Object.keys(found.freeHours)).toHaveLength(26);

    const updated = await api<ProfessionalView>('PATCH', `/v1/professionals/${created.id}`, { body: { skills: ['xylographie'], region: 'quebec' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ skills: ['xylographie'], region: 'quebec', fullName: created.fullName });
    await eventually(async () => {
      const { hits } = await holding(index, 'xylographie', 'region = quebec');
      expect(hits.map((hit) => hit.id)).toEqual([created.id]);
    }, INDEX_WARM_UP_MS);
    expect((await holding(index, 'zéphyrine')).hits).toEqual([]);

    const deactivated = await api<ProfessionalView>('PATCH', `/v1/professionals/${created.id}`, { body: { active: false } });
    expect(deactivated.body.active).toBe(false);
    await eventually(async () => {
      expect((await holding(index, 'xylographie', 'active = true')).hits).toEqual([]);
      expect((await holding(index, 'xylographie', 'active = false')).hits.map((hit) => hit.id)).toEqual([created.id]);
    });
  });

  it('rebuilds the index from Postgres and swaps it in, searchable throughout, keeping changes made meanwhile', async () => {
    const professional = await create({ skills: ['quasimodo'] });
    const index = searchIndex(stack);
    await eventually(async () => expect((await holding(index, 'quasimodo')).hits.map((hit) => hit.id)).toEqual([professional.id]), INDEX_WARM_UP_MS);

    // The change lands after the rebuild has read Postgres and before it swaps: the indexer writes
    // it to the old live index, which the swap then throws away.
    const documents = stack.app('professionals').get(SearchDocumentBuilder);
    const readAll = documents.all.bind(documents);
    const readThenChange = jest.spyOn(documents, 'all').mockImplementation(async function* (...args) {
      yield* readAll(...args);
      const changed = await api('PATCH', `/v1/professionals/${professional.id}`, { body: { skills: ['quasimodo', 'esmeralda'] } });
      expect(changed.status).toBe(200);
      await eventually(async () => expect((await holding(index, 'esmeralda')).hits.map((hit) => hit.id)).toEqual([professional.id]));
    });
    let result: RebuildIndexResult;
    try {
      const rebuilding = stack.app('gateway').get(RpcClient).send(SearchIndexRpc.rebuild, {}, { timeoutMs: 60_000 });
      let done = false;
      void rebuilding.finally(() => (done = true));
      while (!done) {
        // No downtime: the live index answers all along.
        expect((await holding(index, 'quasimodo')).hits.map((hit) => hit.id)).toEqual([professional.id]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      result = (await rebuilding)!;
    } finally {
      readThenChange.mockRestore();
    }

    expect(result).toMatchObject({ index: `${stack.env.MEILI_INDEX_PREFIX}professionals`, horizonStart: formatDay(thisMonday()) });
    expect(result.documents).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect((await holding(index, 'esmeralda')).hits.map((hit) => hit.id)).toEqual([professional.id]));
    const { results } = await new Meilisearch({ host: stack.env.MEILI_URL!, apiKey: stack.env.MEILI_MASTER_KEY }).getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(stack.env.MEILI_INDEX_PREFIX!))).toEqual([result.index]);
  });

  it('rebuilds at start-up when the index holds the free hours of a past week', async () => {
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      const lastWeek = formatDay(thisMonday() - 7);
      await client.query('UPDATE professionals.search_index_state SET horizon_start = $1', [lastWeek]);
      await stack.stopPart('professionals');
      await stack.startPart('professionals');
      await eventually(async () => {
        const { rows } = await client.query<{ horizon_start: string }>('SELECT horizon_start::text FROM professionals.search_index_state');
        expect(rows.map((row) => row.horizon_start)).toEqual([formatDay(thisMonday())]);
      }, INDEX_WARM_UP_MS);
    } finally {
      await client.end();
    }
  });

  it('rebuilds at start-up when Meilisearch lost its documents but Postgres kept the professionals', async () => {
    const professional = await create({ skills: ['gringoire'] });
    const index = searchIndex(stack);
    await eventually(async () => expect((await holding(index, 'gringoire')).hits.map((hit) => hit.id)).toEqual([professional.id]), INDEX_WARM_UP_MS);

    await stack.stopPart('professionals');
    const meili = new Meilisearch({ host: stack.env.MEILI_URL!, apiKey: stack.env.MEILI_MASTER_KEY });
    await meili.deleteIndexIfExists(`${stack.env.MEILI_INDEX_PREFIX}professionals`);
    await stack.startPart('professionals');

    await eventually(async () => expect((await holding(index, 'gringoire')).hits.map((hit) => hit.id)).toEqual([professional.id]), INDEX_WARM_UP_MS);
  });

  it('refuses a second professional with the same email, whatever its case', async () => {
    const first = await create();
    const again = await api<Problem>('POST', '/v1/professionals', { body: aProfessional({ email: first.email.toUpperCase() }) });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.detail).toContain(first.email);

    const other = await create();
    const taken = await api<Problem>('PATCH', `/v1/professionals/${other.id}`, { body: { email: first.email } });
    expect(taken.status).toBe(409);
    expect(taken.body.errors?.map((e) => e.field)).toEqual(['email']);
  });

  it('lists with filters and cursor pagination', async () => {
    const tag = `filtre${Date.now()}`;
    const translator = await create({ domains: [{ code: 'translation', level: 4, years: 9 }], languages: ['en'], region: 'outaouais', skills: [tag] });
    const inactive = await create({ domains: [{ code: 'translation', level: 2, years: 2 }], languages: ['en', 'fr'], region: 'outaouais', skills: [tag], active: false });
    await create({ domains: [{ code: 'hr', level: 3, years: 5 }], languages: ['fr'], region: 'outaouais', skills: [tag] });

    const ids = async (query: string) => (await api<ProfessionalPage>('GET', `/v1/professionals?q=${tag}&${query}`)).body.items.map((p) => p.id);
    expect(await ids('domain=translation')).toEqual([translator.id, inactive.id]);
    expect(await ids('domain=translation&active=false')).toEqual([inactive.id]);
    expect(await ids('language=en&active=true')).toEqual([translator.id]);
    expect(await ids('region=estrie')).toEqual([]);

    const first = await api<ProfessionalPage>('GET', `/v1/professionals?q=${tag}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await api<ProfessionalPage>('GET', `/v1/professionals?q=${tag}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.items, ...second.body.items].map((p) => p.id)).size).toBe(3);
  });

  it('loads the demo professionals once, however often the seed runs', async () => {
    const lines: string[] = [];
    const first = await seedProfessionals({ gatewayUrl: url, apiKey: key, log: (line) => lines.push(line) });
    const second = await seedProfessionals({ gatewayUrl: url, apiKey: key, log: (line) => lines.push(line) });

    expect(lines).toEqual([`professionals: ${DEMO_PROFESSIONALS.length} created, 0 already there`, `professionals: 0 created, ${DEMO_PROFESSIONALS.length} already there`]);
    expect(second.lines).toEqual(first.lines.map((line) => line.replace(/\d+ added now/, '0 added now')));
    const inactive = await api<ProfessionalPage>('GET', '/v1/professionals?active=false&region=quebec&q=consortium-coop.example');
    expect(inactive.body.items.map((p) => p.fullName)).toContain('Mathieu Pelletier');
  });

  it('answers 404 for an unknown professional', async () => {
    const response = await api<Problem>('GET', '/v1/professionals/0b6c3f5e-4d2a-4c1b-9e8f-7a6b5c4d3e2f');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  describe('validation: every mistake is a 400 problem naming the field', () => {
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['unknown domain', { domains: [{ code: 'plumbing', level: 3, years: 2 }] }, ['domains.0.code']],
      ['level out of range', { domains: [{ code: 'legal', level: 6, years: 2 }] }, ['domains.0.level']],
      ['repeated domain', { domains: [{ code: 'legal', level: 3, years: 2 }, { code: 'legal', level: 4, years: 3 }] }, ['domains']],
      ['no domain', { domains: [] }, ['domains']],
      ['negative capacity', { weeklyCapacityHours: -1 }, ['weeklyCapacityHours']],
      ['capacity above 60', { weeklyCapacityHours: 61 }, ['weeklyCapacityHours']],
      ['zero cost rate', { costRate: 0 }, ['costRate']],
      ['bad email', { email: 'genevieve-at-coop' }, ['email']],
      ['unknown language', { languages: ['de'] }, ['languages']],
      ['region not a code', { region: 'Montréal' }, ['region']],
      ['unknown sector', { coopExperience: { years: 2, sectors: ['shipping'], mandates: 1 } }, ['coopExperience.sectors']],
      ['field that does not exist', { salary: 100000 }, ['salary']],
    ];

    it.each(cases)('%s', async (_name, change, fields) => {
      const response = await api<Problem>('POST', '/v1/professionals', { body: { ...aProfessional(), ...change } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
      expect([...new Set(response.body.errors?.map((e) => e.field))]).toEqual(fields);
    });

    it('names every missing required field', async () => {
      const response = await api<Problem>('POST', '/v1/professionals', { body: {} });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(
        ['fullName', 'email', 'domains', 'languages', 'region', 'weeklyCapacityHours', 'costRate'].map((field) => ({ field, message: `${field} is required` })),
      );
    });

    it('lists the valid domain codes when one is unknown', async () => {
      const response = await api<Problem>('POST', '/v1/professionals', { body: aProfessional({ domains: [{ code: 'plumbing' as never, level: 3, years: 2 }] }) });
      expect(response.body.errors?.[0].message).toContain(EXPERTISE_DOMAIN_CODES.join(', '));
    });

    it('checks PATCH bodies, list filters and path ids the same way', async () => {
      const professional = await create();
      const patch = await api<Problem>('PATCH', `/v1/professionals/${professional.id}`, { body: { weeklyCapacityHours: 'lots', active: 'yes' } });
      expect(patch.status).toBe(400);
      expect(new Set(patch.body.errors?.map((e) => e.field))).toEqual(new Set(['weeklyCapacityHours', 'active']));

      const list = await api<Problem>('GET', '/v1/professionals?domain=plumbing&active=maybe&limit=0');
      expect(list.status).toBe(400);
      expect(new Set(list.body.errors?.map((e) => e.field))).toEqual(new Set(['domain', 'active', 'limit']));

      const badId = await api<Problem>('GET', '/v1/professionals/not-a-uuid');
      expect(badId.status).toBe(400);
      expect(badId.body.errors?.map((e) => e.field)).toEqual(['id']);
    });
  });
});
