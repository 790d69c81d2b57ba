// npm run bench:index -- --professionals 100000 [--updates 200] [--concurrency 2]
//
// Starts a fresh professionals service (its own process, as in production: database "coop_bench",
// NATS namespace "bench", index prefix "bench_", all reset at the start of each run; its log in
// .data/bench/professionals.log), loads N synthetic professionals through its bulk import RPC, waits until every one is searchable, then changes 200 profiles one at a time
// and measures how long each change takes to become searchable (polling the index for the new
// value). Prints the figures and writes them to bench-results-index.json.
// Uses the engines `npm start` uses (tools/stack): DATABASE_URL/NATS_URL/MEILI_URL when set.
import 'reflect-metadata';
import { Meilisearch } from 'meilisearch';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProfessionalRpc, professionalsIndexName } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import { repositoryRoot } from '../repository-root.js';
import { ensureInfrastructure } from '../stack/infrastructure.js';
import { sleep } from '../stack/wait.js';
import { withRpc } from '../support/rpc.js';
import { freshEnvironment, loadSearchableProfessionals, log, percentiles, seconds, startServices, stopAll, waitForServices } from './bench-stack.js';

const NAMES = { database: 'coop_bench', namespace: 'bench', indexPrefix: 'bench_' };
const POLL_MS = 10;
const CHANGE_TIMEOUT_MS = 30_000;

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
    const env = await freshEnvironment(infrastructure, NAMES);
    const services = startServices(root, env, ['professionals'], join(root, '.data', 'bench'));
    try {
      const results = await withRpc(env, async (rpc) => {
        await waitForServices(rpc, services);
        return measure(rpc, env, { count, updates, concurrency });
      });
      console.log(JSON.stringify({ ...results, changeToSearchableMs: { ...results.changeToSearchableMs, inOrder: undefined } }, null, 2));
      writeFileSync(join(root, 'bench-results-index.json'), `${JSON.stringify(results, null, 2)}\n`);
      log('written to bench-results-index.json');
    } finally {
      await stopAll(services);
    }
  } finally {
    await infrastructure.stop();
  }
}

async function measure(rpc: RpcClient, env: NodeJS.ProcessEnv, options: { count: number; updates: number; concurrency: number }) {
  const meili = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY, requestInit: { headers: { 'accept-encoding': 'identity' } } });
  const index = meili.index(professionalsIndexName(NAMES.indexPrefix));

  const { loadedMs, indexedMs } = await loadSearchableProfessionals(rpc, env, options.count, options.concurrency);

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
  return {
    professionals: options.count,
    loadSeconds: seconds(loadedMs),
    loadAndIndexSeconds: seconds(indexedMs),
    documentsPerSecond: Math.round((options.count * 1000) / indexedMs),
    changeToSearchableMs: { ...percentiles(latencies), inOrder: latencies },
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    measuredAt: new Date().toISOString(),
  };
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
