// One run of the fault suite: a fresh system (database, event stream, index), a burst of automatic
// assignments and coordinator actions, one part of the system killed with SIGKILL in the middle of
// it and started again, then the wait until everything has settled and the checks.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { eventStreamName } from '@coop/platform';
import { freshEnvironment, type BenchNames } from '../bench/bench-stack.js';
import { findFreePort, LOCALHOST } from '../stack/ports.js';
import type { ServiceName } from '../stack/services.js';
import { sleep, waitUntil } from '../stack/wait.js';
import type { MeiliDeployment, NatsDeployment } from './engines.js';
import { EventBacklog } from './event-backlog.js';
import { allDelivered, deliveredWebhooks, emailFigures, readState, requestsSettled, type EmailFigures, type SystemState } from './invariants.js';
import { ServiceSet } from './service-set.js';
import type { WebhookFigures, WebhookSink } from './webhook-sink.js';
import { Workload } from './workload.js';

export const SERVICE_FAULTS = ['members', 'professionals', 'matching', 'notifications', 'gateway'] as const;
export const ENGINE_FAULTS = ['meilisearch', 'nats', 'postgres'] as const;
/** Cluster mode: the node that leads the event stream. */
export const CLUSTER_FAULTS = ['nats-leader'] as const;
export type Fault = 'none' | (typeof SERVICE_FAULTS)[number] | (typeof ENGINE_FAULTS)[number] | (typeof CLUSTER_FAULTS)[number];

const ADMIN_KEY = 'chaos-admin-key-0123456789abcdef';
const TIME_ZONE = 'America/Toronto';
/** How long the killed part stays down before it is started again (as a supervisor would). */
const DOWNTIME_MS = 1_000;
const FAILOVER_WAIT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 180_000;

export interface FaultRunOptions {
  root: string;
  /** Logs, emails: <dir>/<fault>/. */
  dir: string;
  databaseUrl: string;
  nats: NatsDeployment;
  meili: MeiliDeployment;
  sink: WebhookSink;
  requests: number;
  professionals: number;
  /** Replicas of every service (2 in cluster mode). */
  replicas: number;
  /** The run's database, event stream namespace and index prefix (dropped and made afresh). */
  names?: BenchNames;
  log: (line: string) => void;
}

export interface FaultResult {
  fault: Fault;
  accepted: number;
  coordinatorScripts: number;
  /** Client retries the burst needed (refused connections, 5xx, keys in flight). */
  clientRetries: number;
  /** Final state: every figure 0 when settled. */
  state: SystemState;
  webhooks: WebhookFigures;
  emails: EmailFigures;
  /** From the first to the last request accepted. */
  burstMs: number;
  /**
   * From the moment the killed part was back and the burst over (whichever came last) to every
   * request settled (none in flight, coordinator scripts done, the books balanced); null when it did not.
   */
  settledAfterMs: number | null;
  /** …to every webhook and email delivered as well. */
  deliveredAfterMs: number | null;
  assigned: number;
  unmatched: number;
}

export async function runFault(fault: Fault, options: FaultRunOptions): Promise<FaultResult> {
  const dir = join(options.dir, fault);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names: BenchNames = options.names ?? { database: 'coop_chaos', namespace: 'chaos', indexPrefix: 'chaos_' };
  const base = await freshEnvironment({ databaseUrl: options.databaseUrl, natsUrl: options.nats.url, meiliUrl: options.meili.url, meiliMasterKey: options.meili.masterKey, stop: async () => undefined }, names);
  const gatewayPorts = await Promise.all(Array.from({ length: options.replicas }, () => findFreePort()));
  const env: NodeJS.ProcessEnv = {
    ...base,
    ADMIN_API_KEY: ADMIN_KEY,
    WEBHOOK_SECRET_KEY: '5ec7'.repeat(16),
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    MAIL_DIR: join(dir, 'mail'),
    TIME_ZONE,
    EVENT_STREAM_REPLICAS: String(options.nats.nodes.length),
    DELIVERY_POLL_MS: '200',
    DELIVERY_RETRY_SCHEDULE: '1s,2s,5s,10s,30s',
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: 'info',
  };
  const services = new ServiceSet(options.root, join(dir, 'logs'), (name, replica) => ({ ...env, INSTANCE_ID: `${name}-${replica}`, PORT: String(gatewayPorts[replica - 1]) }));
  const gatewayUrls = gatewayPorts.map((port) => `http://${LOCALHOST}:${port}`);
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  let events: EventBacklog | undefined;
  try {
    services.startAll(options.replicas);
    for (const url of gatewayUrls) await untilReady(url, services);
    await db.connect();
    const backlog = await EventBacklog.open(options.nats.url, eventStreamName(names.namespace));
    events = backlog;

    options.sink.clear();
    const workload = new Workload({ gatewayUrls, adminKey: ADMIN_KEY, requests: options.requests, professionals: options.professionals, reviewShare: 0.2, sinkUrl: options.sink.url, timeZone: TIME_ZONE });
    const seeded = await workload.seedData();
    for (const endpoint of seeded.endpoints) options.sink.expect(endpoint.path, endpoint.secret);
    options.log(`${fault}: ${options.professionals} professionals searchable; burst of ${options.requests} requests`);

    const burstStartedAt = Date.now();
    let restartedAt = burstStartedAt;
    let faultDone: Promise<void> = Promise.resolve();
    const killAt = Math.ceil(options.requests * 0.4);
    let submissionDone = false;
    const submission = workload
      .submitAll(8, (count) => {
        if (count !== killAt || fault === 'none') return;
        faultDone = inject(fault, { services, nats: options.nats, meili: options.meili, db, namespace: names.namespace, log: options.log }).then((at) => {
          restartedAt = at;
        });
      })
      .finally(() => (submissionDone = true));
    let coordinatorDone = false;
    const coordinator = workload
      .coordinate(() => workload.review, () => submissionDone, () => Date.now() - restartedAt > SETTLE_TIMEOUT_MS)
      .finally(() => (coordinatorDone = true));
    await submission;
    const burstEndedAt = Date.now();
    await faultDone;
    const since = Math.max(restartedAt, burstEndedAt);
    const settling = watchSettling(db, workload.accepted, backlog, () => coordinatorDone);
    const scripts = await coordinator;
    const { settledAt, deliveredAt, lastSeen } = await settling;
    if (settledAt === null || deliveredAt === null) {
      options.log(`${fault}: NOT settled; the event consumers: ${await backlog.describe().catch((error: unknown) => String(error))}`);
      options.log(`${fault}: the services:\n${services.describe()}`);
    }
    const slowest = Object.entries(lastSeen).map(([figure, at]) => `${figure} ${((at - since) / 1000).toFixed(1)} s`);
    if (slowest.length > 0) options.log(`${fault}: last seen in flight after the burst and the restart: ${slowest.join(', ')}`);
    const accepted = workload.accepted;
    const state = await readState(db, accepted, backlog);
    await sleep(1_000); // anything still on its way to the receiver
    const counts = await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM members.service_request WHERE id = ANY($1::uuid[]) GROUP BY status`, [accepted]);
    const countOf = (status: string) => Number(counts.rows.find((row) => row.status === status)?.n ?? 0);
    return {
      fault,
      accepted: accepted.length,
      coordinatorScripts: scripts.filter((script) => script.done).length,
      clientRetries: workload.client.retries,
      state,
      webhooks: options.sink.figures(await deliveredWebhooks(db)),
      emails: await emailFigures(db, env.MAIL_DIR!),
      burstMs: burstEndedAt - burstStartedAt,
      settledAfterMs: settledAt === null ? null : Math.max(0, settledAt - since),
      deliveredAfterMs: deliveredAt === null ? null : Math.max(0, deliveredAt - since),
      assigned: countOf('assigned') + countOf('completed'),
      unmatched: countOf('unmatched'),
    };
  } catch (error) {
    throw new Error(`${fault}: ${error instanceof Error ? error.message : String(error)}\nthe services then:\n${services.describe()}`, { cause: error });
  } finally {
    await events?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await services.stopAll();
  }
}

interface FaultTargets {
  services: ServiceSet;
  nats: NatsDeployment;
  meili: MeiliDeployment;
  db: pg.Client;
  namespace: string;
  log: (line: string) => void;
}

/** Kills the part, waits the downtime, starts it again; resolves with the time of the restart. */
async function inject(fault: Exclude<Fault, 'none'>, targets: FaultTargets): Promise<number> {
  if (fault === 'postgres') {
    const { rowCount } = await targets.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    targets.log(`postgres: terminated ${rowCount} backends of the services`);
    return Date.now();
  }
  let engine = fault === 'meilisearch' ? targets.meili.engine : fault === 'nats' ? targets.nats.nodes[0] : undefined;
  if (fault === 'nats-leader') {
    const { leader, replicas } = await targets.nats.leaderOf(eventStreamName(targets.namespace));
    targets.log(`${fault}: the event stream is kept by ${replicas} nodes and led by ${leader.name}`);
    engine = leader;
  }
  if (engine) {
    targets.log(`${fault}: SIGKILL ${engine.name} (pid ${engine.pid})`);
    await engine.kill();
    await sleep(DOWNTIME_MS);
    if (fault === 'nats-leader') await failedOver(targets, engine.name);
    const restartedAt = Date.now();
    await engine.restart();
    targets.log(`${fault}: ${engine.name} started again`);
    return restartedAt;
  }
  const instance = targets.services.first(fault as ServiceName);
  targets.log(`${fault}: SIGKILL ${instance.name} (pid ${instance.process.pid})`);
  await targets.services.kill(instance);
  await sleep(DOWNTIME_MS);
  targets.services.restart(instance);
  targets.log(`${fault}: started again (pid ${instance.process.pid})`);
  return Date.now();
}

/**
 * Keeps the killed leader down until the two survivors have elected another leader of the stream
 * (the failover this fault is about), up to FAILOVER_WAIT_MS. nats-server 2.9 can stall for minutes
 * when the old leader is back before the election, its raft state stale: the same node lost for good
 * fails over within seconds.
 */
async function failedOver(targets: FaultTargets, killed: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < FAILOVER_WAIT_MS) {
    const led = await targets.nats.leaderOf(eventStreamName(targets.namespace)).catch(() => undefined);
    if (led && led.leader.name !== killed) {
      targets.log(`nats-leader: the survivors elected ${led.leader.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    await sleep(250);
  }
  targets.log(`nats-leader: no new leader of the stream after ${FAILOVER_WAIT_MS / 1000} s; starting ${killed} again anyway`);
}

async function untilReady(gatewayUrl: string, services: ServiceSet): Promise<void> {
  await waitUntil(`${gatewayUrl}/health/ready`, async () => (await fetch(`${gatewayUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200, {
    timeoutMs: 90_000,
    intervalMs: 250,
    abortReason: () => {
      const dead = services.dead();
      return dead ? `${dead.name} stopped (see its log)` : undefined;
    },
  });
}

/**
 * Polls the state from now on: when the requests first read as settled (with the coordinator done),
 * when everything was delivered too (null after the timeout), and for each figure when it was last
 * seen above 0, to tell what took longest.
 */
async function watchSettling(db: pg.Client, requestIds: string[], events: EventBacklog, coordinatorDone: () => boolean) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  const lastSeen: Partial<Record<keyof SystemState, number>> = {};
  let settledAt: number | null = null;
  while (Date.now() < deadline) {
    const state = await readState(db, requestIds, events).catch(() => undefined);
    if (state) {
      if (settledAt === null && coordinatorDone() && requestsSettled(state)) settledAt = Date.now();
      if (settledAt !== null && allDelivered(state)) return { settledAt, deliveredAt: Date.now(), lastSeen };
      for (const [figure, value] of Object.entries(state)) if (value !== 0) lastSeen[figure as keyof SystemState] = Date.now();
    }
    await sleep(100);
  }
  return { settledAt, deliveredAt: null, lastSeen };
}
