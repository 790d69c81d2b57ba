// Demo data for `npm start` (tools/stack/start.ts calls seedDemo once the system is ready): the
// demo member federations, a coordinator key and a partner key for the first member, the demo
// professionals and the demo requests. Idempotent:
// members are matched by name, and the keys kept in .data/demo-keys.json are reused while they
// still work, so a second start prints the same ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CredentialRole, IssuedCredentialView, MemberView, ServiceRequestView } from '../../libs/contracts/src/index.js';
import { repositoryRoot } from '../repository-root.js';
import { dateInDays } from './demo-dates.js';
import { DEMO_MEMBERS } from './demo-members.js';
import { DEMO_REQUESTS } from './demo-requests.js';
import { GatewayClient } from './gateway-client.js';
import { seedProfessionals } from './seed-professionals.js';

export interface SeedOptions {
  gatewayUrl: string;
  adminApiKey: string;
  log: (line: string) => void;
  /** Where the demo keys are kept (default .data/demo-keys.json). */
  keysFile?: string;
}

interface StoredKey {
  id: string;
  key: string;
}

interface DemoKeys {
  coordinator?: StoredKey;
  partner?: StoredKey & { memberId: string };
}

export async function seedDemo(options: SeedOptions): Promise<{ lines: string[] }> {
  const api = new GatewayClient(options.gatewayUrl);
  const members = await ensureMembers(api, options.adminApiKey, options.log);
  const partnerMember = members[0];
  const keysFile = options.keysFile ?? join(repositoryRoot(), '.data', 'demo-keys.json');
  const stored = readKeys(keysFile);

  const coordinator = await keepOrIssue(api, options, stored.coordinator, 'coordinator');
  const partner =
    stored.partner?.memberId === partnerMember.id
      ? await keepOrIssue(api, options, stored.partner, 'partner', partnerMember.id)
      : await issue(api, options, 'partner', partnerMember.id);
  writeKeys(keysFile, { coordinator, partner: { ...partner, memberId: partnerMember.id } });

  const professionals = await seedProfessionals({ gatewayUrl: options.gatewayUrl, apiKey: coordinator.key, log: options.log });
  await waitUntilSearchable(api, coordinator.key, options.log);
  await ensureDemoRequests(api, coordinator.key, members, options.log);
  return { lines: [...professionals.lines, ...banner(options.gatewayUrl, coordinator.key, partner.key, partnerMember)] };
}

/**
 * Submits the demo requests not there yet (same member and title), as a coordinator, so matching
 * has something to show: some are assigned automatically, others wait for review.
 */
async function ensureDemoRequests(api: GatewayClient, coordinatorKey: string, members: MemberView[], log: (line: string) => void): Promise<void> {
  const requests = await api.all<ServiceRequestView>('/v1/requests', coordinatorKey);
  const existing = new Set(requests.map((request) => `${request.memberId}:${request.title}`));
  let created = 0;
  for (const demo of DEMO_REQUESTS) {
    const member = members[demo.memberIndex];
    if (existing.has(`${member.id}:${demo.title}`)) continue;
    const { memberIndex: _member, startInDays, durationDays, ...fields } = demo;
    await api.json('POST', '/v1/requests', coordinatorKey, {
      ...fields,
      memberId: member.id,
      startDate: dateInDays(startInDays),
      endDate: dateInDays(startInDays + durationDays),
    });
    created += 1;
  }
  log(`demo requests: submitted ${created}, ${DEMO_REQUESTS.length - created} already there`);
}

/**
 * New profiles reach the search index within a second or so (longer on a cold Meilisearch):
 * submitting before would leave the demo requests unmatched. Waits until search sees someone for
 * every domain and language of the demo requests.
 */
async function waitUntilSearchable(api: GatewayClient, coordinatorKey: string, log: (line: string) => void): Promise<void> {
  const pending = new Set(DEMO_REQUESTS.map((demo) => `${demo.domain}:${demo.language}`));
  const deadline = Date.now() + 60_000;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const entry of [...pending]) {
      const [domain, language] = entry.split(':');
      const probe = { domain, language, startDate: dateInDays(30), endDate: dateInDays(34), estimatedHours: 1, limit: 1 };
      const found = await api.json<{ candidates: unknown[] }>('POST', '/v1/matches/search', coordinatorKey, probe);
      if (found.candidates.length > 0) pending.delete(entry);
    }
    // Every 2 s (at most ~300 probes a minute): they share the demo coordinator key's rate limit
    // with whoever uses the key next.
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  if (pending.size > 0) log(`not searchable yet: ${[...pending].join(', ')}; those demo requests may come out unmatched`);
}

/** Creates the demo members that are not there yet (by name); returns them in DEMO_MEMBERS order. */
async function ensureMembers(api: GatewayClient, adminKey: string, log: (line: string) => void): Promise<MemberView[]> {
  const existing = new Map((await api.all<MemberView>('/v1/members', adminKey)).map((member) => [member.name, member]));

  const members: MemberView[] = [];
  let created = 0;
  for (const demo of DEMO_MEMBERS) {
    let member = existing.get(demo.name);
    if (!member) {
      member = await api.json<MemberView>('POST', '/v1/members', adminKey, demo);
      created += 1;
    }
    members.push(member);
  }
  log(created > 0 ? `demo members: created ${created}, ${members.length - created} already there` : `demo members: all ${members.length} already there`);
  return members;
}

async function keepOrIssue(api: GatewayClient, options: SeedOptions, stored: StoredKey | undefined, role: CredentialRole, memberId?: string): Promise<StoredKey> {
  if (stored && (await api.keyWorks(stored.key))) return stored;
  return issue(api, options, role, memberId);
}

async function issue(api: GatewayClient, options: SeedOptions, role: CredentialRole, memberId?: string): Promise<StoredKey> {
  const issued = await api.json<IssuedCredentialView>('POST', '/v1/credentials', options.adminApiKey, { role, label: `demo ${role}`, ...(memberId ? { memberId } : {}) });
  options.log(`demo ${role} key issued (${issued.keyPrefix}…)`);
  return { id: issued.id, key: issued.key };
}

function banner(gatewayUrl: string, coordinatorKey: string, partnerKey: string, partnerMember: MemberView): string[] {
  const start = dateInDays(7);
  const end = dateInDays(20);
  const body = JSON.stringify({
    domain: 'legal',
    title: 'Analyse d’un jugement sur nos règlements généraux',
    description: 'Un jugement récent touche l’article sur l’admission des membres de nos règlements types.',
    startDate: start,
    endDate: end,
    estimatedHours: 30,
    urgency: 'high',
  });
  return [
    `Sign in to the console (${gatewayUrl}/console/) with one of these keys:`,
    `Coordinator key: ${coordinatorKey}`,
    `Partner key:     ${partnerKey}`,
    `                 (acts for ${partnerMember.name})`,
    '',
    'Submit a request as the partner, then follow it:',
    `  curl -s -X POST ${gatewayUrl}/v1/requests -H "Authorization: Bearer ${partnerKey}" \\`,
    `    -H 'content-type: application/json' -H "Idempotency-Key: $(date +%s)" \\`,
    `    -d '${body.replace(/'/g, "'\\''")}'`,
    `  curl -s ${gatewayUrl}/v1/requests -H "Authorization: Bearer ${partnerKey}"`,
  ];
}

function readKeys(file: string): DemoKeys {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoKeys;
  } catch {
    return {};
  }
}

function writeKeys(file: string, keys: DemoKeys): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}
