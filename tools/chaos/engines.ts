// The engines the fault suite starts for itself, so that it may kill them: nats-server (one node,
// or a three-node JetStream cluster on loopback) and Meilisearch, each on its own ports and store
// under the suite's folder, never the machine's own servers. Each can be killed with SIGKILL and
// started again with the same command, store and ports.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startManagedProcess, type ManagedProcess, type ManagedProcessSpec } from '../stack/managed-process.js';
import { isMeilisearchAvailable, meilisearchCommand } from '../stack/meilisearch.js';
import { findOnPath, jetStreamProblem, NATS_INSTALL_HINT } from '../stack/nats.js';
import { findFreePort, isPortOpen, LOCALHOST } from '../stack/ports.js';
import { waitUntil } from '../stack/wait.js';

/** A process the suite owns: killed by its pid, started again exactly as before. */
export class KillableEngine {
  private process: ManagedProcess;

  constructor(
    readonly name: string,
    private readonly spec: ManagedProcessSpec,
    private readonly isReady: () => Promise<boolean>,
  ) {
    this.process = startManagedProcess(spec);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async ready(): Promise<void> {
    await waitUntil(this.name, this.isReady, {
      timeoutMs: 60_000,
      intervalMs: 100,
      hint: `see ${this.spec.logFile}`,
      abortReason: () => (this.process.hasExited() ? 'the process stopped' : undefined),
    });
  }

  /** SIGKILL, and wait until it is gone. */
  async kill(): Promise<void> {
    this.process.kill();
    await this.process.exited;
  }

  /** The same command, store and ports again; resolves once it answers. */
  async restart(): Promise<void> {
    if (!this.process.hasExited()) throw new Error(`${this.name} is still running`);
    this.process = startManagedProcess(this.spec);
    await this.ready();
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}

export interface NatsDeployment {
  /** Every node's client URL, comma-separated, as NATS_URL takes it. */
  url: string;
  nodes: KillableEngine[];
  /** The node that leads the stream now (its server name is the engine's name), and how many keep it. */
  leaderOf(stream: string): Promise<{ leader: KillableEngine; replicas: number }>;
  stop(): Promise<void>;
}

function natsServerBinary(): string {
  const binary = findOnPath('nats-server');
  if (!binary) throw new Error(`the fault suite starts its own nats-server, and none is on the PATH: ${NATS_INSTALL_HINT}`);
  return binary;
}

/**
 * One JetStream node, or `size` of them clustered over loopback routes, on fresh stores: a store
 * left by an earlier run knows peers on other ports, and its streams would not match this run's.
 */
export async function startNats(dir: string, size: 1 | 3): Promise<NatsDeployment> {
  const binary = natsServerBinary();
  rmSync(dir, { recursive: true, force: true });
  const ports = await Promise.all(Array.from({ length: size }, async () => ({ client: await findFreePort(), route: await findFreePort() })));
  const nodes = ports.map(({ client, route }, i) => {
    const name = `chaos-n${i + 1}`;
    const store = join(dir, name);
    mkdirSync(store, { recursive: true });
    const clusterArgs =
      size === 1
        ? []
        : [
            '--cluster_name', 'chaos',
            '--cluster', `nats://${LOCALHOST}:${route}`,
            '--routes', ports.filter((_, j) => j !== i).map((other) => `nats://${LOCALHOST}:${other.route}`).join(','),
          ];
    const url = `nats://${LOCALHOST}:${client}`;
    return new KillableEngine(
      name,
      { name, command: binary, args: ['-js', '-n', name, '-a', LOCALHOST, '-p', String(client), '-sd', store, ...clusterArgs], logFile: join(dir, `${name}.log`) },
      async () => (await isPortOpen(client)) && !(await jetStreamProblem(url)),
    );
  });
  await Promise.all(nodes.map((node) => node.ready()));
  const url = ports.map(({ client }) => `nats://${LOCALHOST}:${client}`).join(',');
  if (size > 1) await untilStreamsCanBeMade(url, size);
  return {
    url,
    nodes,
    leaderOf: async (stream) => {
      const nc = await connect({ servers: url.split(',') });
      try {
        const info = await (await jetstreamManager(nc)).streams.info(stream);
        const leader = nodes.find((node) => node.name === info.cluster?.leader);
        if (!leader) throw new Error(`stream ${stream} has no known leader (${info.cluster?.leader ?? 'none'})`);
        return { leader, replicas: info.config.num_replicas };
      } finally {
        await nc.close();
      }
    },
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

/** A cluster answers before it has elected its meta leader: wait until a stream of `replicas` can be made. */
async function untilStreamsCanBeMade(url: string, replicas: number): Promise<void> {
  const nc = await connect({ servers: url.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    await waitUntil(
      'the NATS cluster',
      async () => {
        await jsm.streams.add({ name: 'CHAOS_READY', subjects: ['chaos.ready'], num_replicas: replicas });
        await jsm.streams.delete('CHAOS_READY');
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } finally {
    await nc.close();
  }
}

export interface MeiliDeployment {
  url: string;
  masterKey: string;
  engine: KillableEngine;
}

export async function startMeilisearch(dir: string, masterKey: string): Promise<MeiliDeployment> {
  mkdirSync(dir, { recursive: true });
  const port = await findFreePort();
  const url = `http://${LOCALHOST}:${port}`;
  const engine = new KillableEngine(
    'meilisearch',
    {
      name: 'meilisearch',
      ...meilisearchCommand(join(dir, 'data.ms'), port, masterKey, process.env),
      cwd: dir,
      logFile: join(dir, 'meilisearch.log'),
    },
    () => isMeilisearchAvailable(url),
  );
  await engine.ready();
  return { url, masterKey, engine };
}
