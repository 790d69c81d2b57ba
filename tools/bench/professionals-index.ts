// npm run bench:index -- --professionals 100000 [--updates 200] [--concurrency 2]
//
// Starts a fresh professionals service (its own process, as in production: database "coop_bench",
// NATS namespace "bench", index prefix "bench_", all reset at the start of each run; its log in
// .data/bench/professionals.log), loads N synthetic professionals through its bulk import RPC, waits until every one is searchable, then changes 200 profiles one at a time
// and measures how long each change takes to become searchable (polling the index for the new
// value). Prints the figures and writes them to bench-results-index.json.
// Uses the engines `npm start` uses (tools/stack): DATABASE_URL/NATS_URL/MEILI_URL when set.
import 'reflect-metadata';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Meilisearch } from 'meilisearch';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProfessionalRpc, professionalsIndexName, servicePingRpc } from '@coop/contracts';
import { adminQuery, eventStreamName, withDatabase, type RpcClient } from '@coop/platform';
import { loadGeneratedProfessionals } from '../generator/load-professionals.js';
import { repositoryRoot } from '../repository-root.js';
import { ensureInfrastructure, type Infrastructure } from '../stack/infrastructure.js';
import { startManagedProcess } from '../stack/managed-process.js';
import { serviceEntryPoint } from '../stack/services.js';
import { waitUntil } from '../stack/wait.js';
import { withRpc } from '../support/rpc.js';

const DATABASE = 'coop_bench';
const NAMESPACE = 'bench';
const INDEX_PREFIX = 'bench_';
const POLL_MS = 10;
const CHANGE_TIMEOUT_MS = 30_000;

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { professionals: { type: 'string', default: '100000' }, updates: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '2' } },
  });
  const [count, updates, concurrency] = [Number(values.professionals), Number(values.updates), Number(values.concurrency)];
  if (![count, updates, concurrency].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('usage: bench:index -- --professionals N [--updates U] [--concurrency C]');
  }
  const root = repositoryRoot();
  const infrastructure = await ensureInfrastructure({ dataDir: join(root, '.data', 'bench'), log });
  try {
    const env = await freshEnvironment(infrastructure);
    const logFile = join(root, '.data', 'bench', 'professionals.log');
    const service = startManagedProcess({ name: 'professionals', command: process.execPath, args: [serviceEntryPoint(root, 'professionals')], cwd: root, env, logFile });
    try {
      const results = await withRpc(env, async (rpc) => {
        await waitUntil('the professionals service', () => rpc.send(servicePingRpc('professionals'), {}, { timeoutMs: 1_000 }).then(() => true), {
          timeoutMs: 60_000,
          hint: `see ${logFile}`,
          abortReason: () => (service.hasExited() ? 'it stopped' : undefined),
        });
        return measure(rpc, env, { count, updates, concurrency });
      });
      console.log(JSON.stringify({ ...results, changeToSearchableMs: { ...results.changeToSearchableMs, inOrder: undefined } }, null, 2));
      writeFileSync(join(root, 'bench-results-index.json'), `${JSON.stringify(results, null, 2)}\n`);
      log('written to bench-results-index.json');
    } finally {
      await service.stop();
    }
  } finally {
    await infrastructure.stop();
  }
}

async function measure(rpc: RpcClient, env: NodeJS.ProcessEnv, options: { count: number; updates: number; concurrency: number }) {
  const meili = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY, requestInit: { headers: { 'accept-encoding': 'identity' } } });
  const index = meili.index(professionalsIndexName(INDEX_PREFIX));

  log(`loading ${options.count} professionals`);
  const started = Date.now();
  let lastReport = 0;
  const loadResult = await loadGeneratedProfessionals(rpc, {
    count: options.count,
    concurrency: options.concurrency,
    onProgress: (loaded) => {
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        log(`  ${loaded} loaded after ${seconds(Date.now() - started)} s`);
      }
    },
  });
  const loadedMs = Date.now() - started;
  log(`loaded ${loadResult.created} in ${seconds(loadedMs)} s; waiting for the index`);
  for (;;) {
    const stats = await index.getStats().catch(() => undefined);
    if (stats && stats.numberOfDocuments >= options.count && !stats.isIndexing) break;
    await sleep(100);
  }
  const indexedMs = Date.now() - started;
  log(`all ${options.count} searchable ${seconds(indexedMs)} s after the load began`);

  const { items } = await rpc.send(ProfessionalRpc.list, { limit: Math.min(options.updates, 200) });
  const latencies: number[] = [];
  for (let change = 0; change < options.updates; change += 1) {
    const professional = items[change % items.length];
    const token = `bench${change}q${Date.now().toString(36)}`;
    const changed = Date.now();
    await rpc.send(ProfessionalRpc.update, { id: professional.id, skills: [...professional.skills.slice(0, 3), token] });
    for (;;) {
      const { hits } = await index.search(token, { limit: 1, attributesToRetrieve: ['id'] });
      if (hits.length > 0) break;
      if (Date.now() - changed > CHANGE_TIMEOUT_MS) throw new Error(`change ${change} not searchable after ${CHANGE_TIMEOUT_MS} ms`);
      await sleep(POLL_MS);
    }
    latencies.push(Date.now() - changed);
  }
  const inOrder = [...latencies];
  latencies.sort((a, b) => a - b);
  return {
    professionals: options.count,
    loadSeconds: seconds(loadedMs),
    loadAndIndexSeconds: seconds(indexedMs),
    documentsPerSecond: Math.round((options.count * 1000) / indexedMs),
    changeToSearchableMs: { samples: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1], inOrder },
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    measuredAt: new Date().toISOString(),
  };
}

/** A clean database, event stream and index for this run (the previous run's are dropped). */
async function freshEnvironment(infrastructure: Infrastructure): Promise<NodeJS.ProcessEnv> {
  await adminQuery(infrastructure.databaseUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await adminQuery(infrastructure.databaseUrl, `CREATE DATABASE ${DATABASE}`);
  const nc = await connect({ servers: infrastructure.natsUrl });
  await (await jetstreamManager(nc)).streams.delete(eventStreamName(NAMESPACE)).catch(() => undefined);
  await nc.close();
  const meili = new Meilisearch({ host: infrastructure.meiliUrl, apiKey: infrastructure.meiliMasterKey });
  for (const uid of [professionalsIndexName(INDEX_PREFIX), `${professionalsIndexName(INDEX_PREFIX)}_next`]) await meili.deleteIndexIfExists(uid);
  return {
    ...process.env,
    DATABASE_URL: withDatabase(infrastructure.databaseUrl, DATABASE),
    NATS_URL: infrastructure.natsUrl,
    NATS_NAMESPACE: NAMESPACE,
    MEILI_URL: infrastructure.meiliUrl,
    MEILI_MASTER_KEY: infrastructure.meiliMasterKey,
    MEILI_INDEX_PREFIX: INDEX_PREFIX,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(1));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
