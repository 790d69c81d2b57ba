// NATS with JetStream for the stack, in order of preference:
//   1. NATS_URL when set (must connect and have JetStream);
//   2. a server answering on 127.0.0.1:4222 (must have JetStream, else a clear error);
//   3. `nats-server -js` from the PATH on a free port, storing under <dataDir>/nats.
// Set COOP_SPAWN_NATS=1 to skip step 2 (to exercise the spawned path on a machine that runs NATS).
import { accessSync, constants as fsConstants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { startEngine } from './managed-process.js';
import { findFreePort, isPortOpen, LOCALHOST } from './ports.js';
import { errorMessage, externalService, type Log, type ProvidedService } from './provided-service.js';
import { claimInstanceDir } from './leftover-process.js';

const LOCAL_PORT = 4222;
const LOCAL_URL = `nats://${LOCALHOST}:${LOCAL_PORT}`;
export const NATS_INSTALL_HINT = 'install the nats-server package (apt-get install nats-server) or run `docker compose up nats`';

export interface NatsOptions {
  dataDir: string;
  log: Log;
  env?: NodeJS.ProcessEnv;
}

/** A NATS server; one started here also has its monitoring endpoint (`/varz`: message counts). */
export interface ProvidedNats extends ProvidedService {
  monitorUrl?: string;
}

export async function ensureNats({ dataDir, log, env = process.env }: NatsOptions): Promise<ProvidedNats> {
  if (env.NATS_URL) {
    await assertJetStream(env.NATS_URL, `NATS_URL (${env.NATS_URL})`);
    log(`nats: using NATS_URL (${env.NATS_URL})`);
    return externalService(env.NATS_URL, 'environment');
  }
  if (env.COOP_SPAWN_NATS !== '1' && (await isPortOpen(LOCAL_PORT))) {
    await assertJetStream(LOCAL_URL, `the NATS server on 127.0.0.1:${LOCAL_PORT}`);
    log(`nats: reusing the server on 127.0.0.1:${LOCAL_PORT}`);
    return externalService(LOCAL_URL, 'reused');
  }
  return startNatsServer(dataDir, log, env);
}

/** undefined when the server at `url` answers a JetStream $JS.API.INFO request, else why not. */
export async function jetStreamProblem(url: string): Promise<string | undefined> {
  let connection;
  try {
    connection = await connect({ servers: url, timeout: 3_000, name: 'coop-stack-probe', reconnect: false });
  } catch (error) {
    return `cannot connect: ${errorMessage(error)}`;
  }
  try {
    const reply = await connection.request('$JS.API.INFO', '', { timeout: 3_000 });
    const info = reply.json<{ error?: { code?: number; description?: string } }>();
    return info.error ? `JetStream answered with an error: ${info.error.description ?? info.error.code}` : undefined;
  } catch (error) {
    // "no responders" is what a server without JetStream answers.
    return `JetStream is not enabled (${errorMessage(error)})`;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function assertJetStream(url: string, what: string): Promise<void> {
  const problem = await jetStreamProblem(url);
  if (problem) {
    throw new Error(`${what}: ${problem}. The services need NATS with JetStream: start it with \`nats-server -js\`, or point NATS_URL at one that has it.`);
  }
}

/** The absolute path of `command` in the PATH, if it is there and executable. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function startNatsServer(dataDir: string, log: Log, env: NodeJS.ProcessEnv): Promise<ProvidedNats> {
  const binary = findOnPath('nats-server', env.PATH);
  if (!binary) {
    const situation = env.COOP_SPAWN_NATS === '1' ? 'COOP_SPAWN_NATS=1 is set' : `nothing answers on 127.0.0.1:${LOCAL_PORT} and NATS_URL is not set`;
    throw new Error(`NATS: ${situation}, and nats-server is not on the PATH: ${NATS_INSTALL_HINT}`);
  }
  const instance = await claimInstanceDir({
    dir: join(dataDir, 'nats'),
    pidFileName: 'nats-server.pid',
    markerFor: (dir) => dir,
    description: 'nats-server',
    log,
  });
  const logFile = join(instance.dir, 'nats-server.log');
  const port = await findFreePort();
  let monitorPort = await findFreePort();
  while (monitorPort === port) monitorPort = await findFreePort();
  const url = `nats://${LOCALHOST}:${port}`;
  const spec = {
    name: 'nats-server',
    command: binary,
    args: ['-js', '-a', LOCALHOST, '-p', String(port), '-m', String(monitorPort), '-sd', instance.dir],
    logFile,
    pidFile: join(instance.dir, 'nats-server.pid'),
  };
  const stop = await startEngine(spec, instance, `nats-server on 127.0.0.1:${port}`, async () => (await isPortOpen(port)) && !(await jetStreamProblem(url)));
  log(`nats: started nats-server on 127.0.0.1:${port} with JetStream (log: ${logFile})`);
  return { url, origin: 'started', stop, monitorUrl: `http://${LOCALHOST}:${monitorPort}` };
}
