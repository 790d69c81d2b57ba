import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MemberPage } from '@coop/contracts';
import { DEMO_MEMBERS } from '../../tools/demo/demo-members.js';
import { DEMO_REQUESTS } from '../../tools/demo/demo-requests.js';
import { seedDemo } from '../../tools/demo/seed.js';
import { GENERATORS } from '../../tools/client/generate-client.js';
import { repositoryRoot } from '../../tools/repository-root.js';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { daysFromNow } from '../support/request-bodies.js';
import { ADMIN_KEY, TestStack } from '../support/test-stack.js';
import type { ScenarioResult } from '../client/scenario-result.js';

const run = promisify(execFile);

type PartnerScenario = (baseUrl: string, apiKey: string, window: { startDate: string; endDate: string }) => Promise<ScenarioResult>;
const root = repositoryRoot();

describe('tools against a running system', () => {
  let stack: TestStack;
  let url: string;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway']);
    url = stack.gatewayUrl();
  });
  afterAll(() => stack.dispose());

  describe('clients generated from /docs-json', () => {
    // Each generator's client is written where its scenario imports it, then both must type-check.
    beforeAll(async () => {
      for (const generator of GENERATORS) {
        const out = `tests/client/generated/${generator}/coop-api.ts`;
        await run(process.execPath, ['dist/tools/client/generate-client.js', '--url', url, '--generator', generator, '--out', out], { cwd: root });
      }
      // The scenarios must type-check against what was generated (wrong paths, bodies or fields fail here).
      await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tests/client/tsconfig.json'], { cwd: root }).catch((error: { stdout?: string }) => {
        throw new Error(`a partner scenario does not compile against its generated client:\n${error.stdout ?? String(error)}`);
      });
    });

    it.each([
      ['openapi-typescript + openapi-fetch', '../client/partner-scenario.js'],
      ['swagger-typescript-api', '../client/partner-scenario.swagger-typescript-api.js'],
    ])('%s: a partner scenario compiles against it and runs with it', async (_generator, scenarioPath) => {
      const member = await createMember(url);
      const partner = await issueKey(url, 'partner', member.id);
      // Loaded by a path the type-check does not follow: the scenario's types exist only once generated.
      const { runPartnerScenario } = (await import(scenarioPath)) as { runPartnerScenario: PartnerScenario };
      const result = await runPartnerScenario(url, partner.key, { startDate: daysFromNow(10), endDate: daysFromNow(30) });

      expect(result.submitted).toEqual({ id: expect.any(String), status: 'submitted' });
      expect(result.replayed).toBe(true);
      // Matching may already have moved it on (no professional is loaded here: unmatched).
      expect(result.followed).toMatchObject({ id: result.submitted.id, memberId: member.id, urgency: 'critical' });
      expect(['submitted', 'unmatched']).toContain(result.followed.status);
      expect(result.listed.map((r) => r.id)).toContain(result.submitted.id);
      expect(result.cancelled).toMatchObject({ id: result.submitted.id, status: 'cancelled', statusReason: 'Le congrès est reporté' });
      expect(result.refusal).toMatchObject({ status: 404, code: 'not_found', title: 'Introuvable' });
    });
  });

  it('generates a client into git-ignored .data/client/ when no --out is given', async () => {
    const { stdout } = await run(process.execPath, ['dist/tools/client/generate-client.js', '--url', url], { cwd: root });
    expect(stdout).toContain(join(root, '.data', 'client', 'coop-api.ts'));
    expect(readFileSync(join(root, '.data', 'client', 'coop-api.ts'), 'utf8')).toContain('export interface paths');
  });

  describe('the demo seed', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'coop-demo-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('creates the demo members and keys once, prints working keys, and prints the same ones again', async () => {
      const keysFile = join(dir, 'demo-keys.json');
      const options = { gatewayUrl: url, adminApiKey: ADMIN_KEY, log: () => undefined, keysFile };

      const readKeys = () => JSON.parse(readFileSync(keysFile, 'utf8')) as { coordinator: { key: string }; partner: { key: string; memberId: string } };
      const first = await seedDemo(options);
      const second = await seedDemo(options);

      expect(second.lines).toEqual(first.lines);
      const members = await call<MemberPage>(url, 'GET', '/v1/members?limit=200');
      const names = members.body.items.map((m) => m.name);
      for (const demo of DEMO_MEMBERS) expect(names.filter((name) => name === demo.name)).toHaveLength(1);
      const requests = await call<{ items: { title: string }[] }>(url, 'GET', '/v1/requests?limit=200', { key: readKeys().coordinator.key });
      for (const demo of DEMO_REQUESTS) expect(requests.body.items.filter((r) => r.title === demo.title)).toHaveLength(1);

      const keys = readKeys();
      // A few professionals have time off, once (the capacity map and the nearest fits show it).
      const professionals = await call<{ items: Array<{ id: string; email: string }> }>(url, 'GET', '/v1/professionals?limit=100', { key: keys.coordinator.key });
      const annie = professionals.body.items.find((p) => p.email === 'annie.bergeron@consortium-coop.example')!;
      const window = `from=${new Date().toISOString().slice(0, 10)}&to=${new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)}`;
      const availability = await call<{ timeOff: Array<{ reason?: string }> }>(url, 'GET', `/v1/professionals/${annie.id}/availability?${window}`, { key: keys.coordinator.key });
      expect(availability.body.timeOff).toEqual([expect.objectContaining({ reason: 'Vacances' })]);

      expect(first.lines.join('\n')).toContain(keys.coordinator.key);
      expect(first.lines.join('\n')).toContain(keys.partner.key);
      expect((await call(url, 'GET', '/v1/members', { key: keys.coordinator.key })).status).toBe(200);

      // The curl example of the banner works as printed.
      const curl = first.lines.slice(first.lines.findIndex((line) => line.includes('curl -s -X POST'))).slice(0, 3).join('\n');
      const { stdout } = await run('sh', ['-c', curl]);
      expect(JSON.parse(stdout)).toEqual({ id: expect.any(String), status: 'submitted' });
      const mine = await call<{ items: { memberId: string }[] }>(url, 'GET', '/v1/requests', { key: keys.partner.key });
      expect(new Set(mine.body.items.map((r) => r.memberId))).toEqual(new Set([keys.partner.memberId]));
    });

    it('issues new keys when the stored ones no longer work', async () => {
      const keysFile = join(dir, 'stale-keys.json');
      const options = { gatewayUrl: url, adminApiKey: ADMIN_KEY, log: () => undefined, keysFile };
      await seedDemo(options);
      const stale = JSON.parse(readFileSync(keysFile, 'utf8')) as { coordinator: { id: string; key: string } };
      await call(url, 'DELETE', `/v1/credentials/${stale.coordinator.id}`);

      const reseeded = await seedDemo(options);

      const fresh = JSON.parse(readFileSync(keysFile, 'utf8')) as { coordinator: { key: string } };
      expect(fresh.coordinator.key).not.toBe(stale.coordinator.key);
      expect(reseeded.lines.join('\n')).toContain(fresh.coordinator.key);
      expect((await call(url, 'GET', '/v1/members', { key: fresh.coordinator.key })).status).toBe(200);
    });
  });
});
