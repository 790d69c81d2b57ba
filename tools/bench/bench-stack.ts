// What the benchmarks share: a clean database, event stream and index per run, the services as
// their own processes (as in production), the synthetic professionals loaded and searchable, and
// the percentiles they print.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Meilisearch } from 'meilisearch';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { professionalsIndexName, servicePingRpc } from '@coop/contracts';
import { adminQuery, eventStreamName, natsServers, withDatabase, type RpcClient } from '@coop/platform';
import { loadGeneratedProfessionals } from '../generator/load-professionals.js';
import type { Infrastructure } from '../stack/infrastructure.js';
import { startManagedProcess, type ManagedProcess } from '../stack/managed-process.js';
import { serviceEntryPoint, type ServiceName } from '../stack/services.js';
import { sleep, waitUntil } from '../stack/wait.js';

export const log = (line: string): void => console.log(`[bench] ${line}`);

export interface BenchNames {
  database: string;
  namespace: string;
  indexPrefix: string;
}

/** A clean database, event stream and index for this run (the previous run's are dropped). */
export async function freshEnvironment(infrastructure: Infrastructure, names: BenchNames): Promise<NodeJS.ProcessEnv> {
  await adminQuery(infrastructure.databaseUrl, `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
  await adminQuery(infrastructure.databaseUrl, `CREATE DATABASE ${names.database}`);
  const nc = await connect({ servers: natsServers(infrastructure.natsUrl) });
  await (await jetstreamManager(nc)).streams.delete(eventStreamName(names.namespace)).catch(() => undefined);
  await nc.close();
  const meili = new Meilisearch({ host: infrastructure.meiliUrl, apiKey: infrastructure.meiliMasterKey });
  for (const uid of [professionalsIndexName(names.indexPrefix), `${professionalsIndexName(names.indexPrefix)}_next`]) await meili.deleteIndexIfExists(uid);
  return {
    ...process.env,
    DATABASE_URL: withDatabase(infrastructure.databaseUrl, names.database),
    NATS_URL: infrastructure.natsUrl,
    NATS_NAMESPACE: names.namespace,
    MEILI_URL: infrastructure.meiliUrl,
    MEILI_MASTER_KEY: infrastructure.meiliMasterKey,
    MEILI_INDEX_PREFIX: names.indexPrefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
}

/** .data/bench/<run>, emptied: a run's service logs alone (their debug lines are read by correlation id). */
export function freshLogDir(root: string, run: string): string {
  const dir = join(root, '.data', 'bench', run);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * Starts the services (logs in <logDir>/<name>.log; a name given twice is a second replica, logged
 * in <name>-2.log; `running` replicas of each already run); stop them with stopAll.
 */
export function startServices(root: string, env: NodeJS.ProcessEnv, names: ServiceName[], logDir: string, running = 0): ManagedProcess[] {
  return names.map((name, i) => {
    const replica = running + names.slice(0, i + 1).filter((other) => other === name).length;
    const logFile = join(logDir, `${name}${replica > 1 ? `-${replica}` : ''}.log`);
    // BENCH_CPU_PROFILE_DIR: each service writes a V8 CPU profile there when it stops (where its CPU goes).
    const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`, `--cpu-prof-name=${name}-${replica}.cpuprofile`] : [];
    // BENCH_SERVICES_ROOT: the services of another build (e.g. an earlier commit's), measured the same way.
    const servicesRoot = process.env.BENCH_SERVICES_ROOT ?? root;
    return startManagedProcess({ name, command: process.execPath, args: [...profile, serviceEntryPoint(servicesRoot, name)], cwd: servicesRoot, env, logFile });
  });
}

/** Waits until each (non-gateway) service answers its ping. */
export async function waitForServices(rpc: RpcClient, services: ManagedProcess[]): Promise<void> {
  for (const service of services) {
    if (service.name === 'gateway') continue;
    await waitUntil(`the ${service.name} service`, () => rpc.send(servicePingRpc(service.name as Exclude<ServiceName, 'gateway'>), {}, { timeoutMs: 1_000 }).then(() => true), {
      timeoutMs: 60_000,
      hint: `see ${service.logFile}`,
      abortReason: () => (service.hasExited() ? 'it stopped' : undefined),
    });
  }
}

export async function stopAll(services: ManagedProcess[]): Promise<void> {
  await Promise.all(services.map((service) => service.stop()));
}

/** Loads `count` synthetic professionals through the bulk RPC and waits until all are searchable. */
export async function loadSearchableProfessionals(rpc: RpcClient, env: NodeJS.ProcessEnv, count: number, concurrency: number) {
  const meili = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY });
  const index = meili.index(professionalsIndexName(env.MEILI_INDEX_PREFIX!));
  log(`loading ${count} professionals`);
  const started = Date.now();
  let lastReport = 0;
  const result = await loadGeneratedProfessionals(rpc, {
    count,
    concurrency,
    onProgress: (loaded) => {
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        log(`  ${loaded} loaded after ${seconds(Date.now() - started)} s`);
      }
    },
  });
  const loadedMs = Date.now() - started;
  log(`loaded ${result.created} in ${seconds(loadedMs)} s; waiting for the index`);
  for (;;) {
    const stats = await index.getStats().catch(() => undefined);
    if (stats && stats.numberOfDocuments >= count && !stats.isIndexing) break;
    await sleep(100);
  }
  const indexedMs = Date.now() - started;
  log(`all ${count} searchable ${seconds(indexedMs)} s after the load began`);
  return { created: result.created, loadedMs, indexedMs };
}

export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of durations in ms, rounded to 0.01 ms. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(2));
  return { samples: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]) };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(1));
}
