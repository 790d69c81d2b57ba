// npm run chaos [-- --faults matching,nats] [--requests 80] [--professionals 10] [--cluster]
//
// The fault suite. For each fault: a fresh system (database "coop_chaos", namespace "chaos", index
// prefix "chaos_") on a nats-server and a Meilisearch of its own (ports and stores under
// .data/chaos/, never the machine's servers) and the machine's Postgres; a burst of requests, most
// assigned automatically, the rest reviewed by a coordinator (assign, decline and assign again,
// complete, cancel); the part named by the fault killed with SIGKILL when 40 % of the burst is
// accepted, and started again a second later with the same command and environment (Postgres: the
// services' connections terminated with pg_terminate_backend); then the wait until everything has
// settled and the checks. Prints the table and writes .data/chaos/chaos-results.json.
//
// --cluster runs a three-node JetStream cluster on loopback (routes between the three, the event
// stream kept by all three), two replicas of every service given all three URLs, and kills the node
// that leads the event stream (fault "nats-leader").
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../repository-root.js';
import { ensurePostgres } from '../stack/postgres.js';
import { readOrCreateSecret } from '../stack/secret-file.js';
import { startMeilisearch, startNats } from './engines.js';
import { CLUSTER_FAULTS, ENGINE_FAULTS, runFault, SERVICE_FAULTS, type Fault, type FaultResult } from './fault-run.js';
import { WebhookSink } from './webhook-sink.js';
import { parseCommandLine, runCommand, UsageError } from '../support/command-line.js';

const log = (line: string): void => console.log(`[chaos] ${line}`);

const USAGE = 'usage: npm run chaos -- [--faults F1,F2...] [--requests N] [--professionals N] [--cluster]';

async function main(): Promise<void> {
  const values = parseCommandLine(
    {
      faults: { type: 'string' },
      requests: { type: 'string', default: '80' },
      professionals: { type: 'string', default: '10' },
      cluster: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const cluster = values.cluster ?? false;
  const known: Fault[] = ['none', ...SERVICE_FAULTS, ...ENGINE_FAULTS, ...(cluster ? CLUSTER_FAULTS : [])];
  const faults = (values.faults?.split(',') ?? (cluster ? ['none', 'nats-leader', 'matching'] : known.filter((fault) => fault !== 'nats-leader'))) as Fault[];
  const unknown = faults.filter((fault) => !known.includes(fault));
  if (unknown.length > 0) throw new UsageError(`unknown fault ${unknown.join(', ')}; one of: ${known.join(', ')}${cluster ? '' : ' (nats-leader needs --cluster)'}`, USAGE);
  const requests = Number(values.requests);
  const professionals = Number(values.professionals);

  const root = repositoryRoot();
  const dir = join(root, '.data', 'chaos');
  const postgres = await ensurePostgres({ dataDir: join(root, '.data'), log });
  const nats = await startNats(join(dir, 'nats'), cluster ? 3 : 1);
  log(`nats-server${cluster ? ' cluster of 3' : ''} of its own: ${nats.url}`);
  const meili = await startMeilisearch(join(dir, 'meili'), readOrCreateSecret(join(dir, 'meili-master-key'), 32));
  const sink = await WebhookSink.start();
  const results: FaultResult[] = [];
  // The machine may be shared: its load says how much of the recovery times is waiting for a core.
  const loadBefore = loadavg()[1];
  try {
    for (const fault of faults) {
      const result = await runFault(fault, { root, dir, databaseUrl: postgres.url, nats, meili, sink, requests, professionals, replicas: cluster ? 2 : 1, log });
      results.push(result);
      log(`${fault}: ${summary(result)}`);
    }
  } finally {
    await sink.stop();
    await meili.engine.stop();
    await nats.stop();
    await postgres.stop();
  }
  const load = `load average (5 min) ${loadBefore.toFixed(1)} before, ${loadavg()[1].toFixed(1)} after`;
  const machine = `${cpus().length} vCPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${load}`;
  const file = join(dir, cluster ? 'chaos-cluster-results.json' : 'chaos-results.json');
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, cluster, requests, professionals, results }, null, 2)}\n`);
  console.log(`\n${table(results, cluster, requests, professionals)}\n\n${machine}; written to ${file}`);
  const broken = results.filter((result) => !holds(result));
  if (broken.length > 0) {
    console.log(`\nINVARIANTS BROKEN under: ${broken.map((result) => result.fault).join(', ')}`);
    process.exitCode = 1;
  }
}

/** Every invariant figure at 0, and the system settled. */
export function holds(result: FaultResult): boolean {
  const { state, webhooks, emails } = result;
  return (
    result.settledAfterMs !== null &&
    result.deliveredAfterMs !== null &&
    Object.values(state).every((value) => value === 0) &&
    webhooks.duplicated === 0 &&
    webhooks.badSignatures === 0 &&
    webhooks.missing === 0 &&
    emails.writtenTwice === 0 &&
    emails.duplicated === 0
  );
}

function summary(result: FaultResult): string {
  const settled = result.settledAfterMs === null ? 'NOT settled' : `settled ${(result.settledAfterMs / 1000).toFixed(1)} s after the restart and the burst's end`;
  return `${result.accepted} accepted, ${result.assigned} assigned, ${result.unmatched} unmatched, ${settled}; ${holds(result) ? 'every invariant holds' : 'INVARIANT BROKEN'}`;
}

function seconds(ms: number | null): string {
  return ms === null ? 'not settled' : `${(ms / 1000).toFixed(1)} s`;
}

function table(results: FaultResult[], cluster: boolean, requests: number, professionals: number): string {
  const header = [
    'killed mid-burst',
    'accepted',
    'never settled',
    'two active',
    'overbooked weeks',
    'capacity leaked h',
    'unbooked h',
    'webhooks twice',
    'webhooks lost',
    'emails twice',
    'burst s',
    'requests settled after',
    'webhooks and emails out after',
  ];
  const rows = results.map((result) => [
    result.fault === 'none' ? 'nothing (baseline)' : result.fault,
    String(result.accepted),
    String(result.state.unsettledRequests + result.state.disagreeingRequests),
    String(result.state.requestsWithTwoActiveAssignments),
    String(result.state.overbookedWeeks),
    String(result.state.leakedHours),
    String(result.state.unbookedHours),
    String(result.webhooks.duplicated),
    String(result.webhooks.missing),
    String(result.emails.writtenTwice + result.emails.duplicated),
    (result.burstMs / 1000).toFixed(1),
    seconds(result.settledAfterMs),
    seconds(result.deliveredAfterMs),
  ]);
  const title = `${requests} requests (${Math.round(requests * 0.2)} reviewed by a coordinator), ${professionals} professionals with room for ${professionals * 5}${cluster ? '; 3-node NATS cluster, 2 replicas of every service' : ''}`;
  return [title, '', `| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

runCommand('[chaos]', main);
