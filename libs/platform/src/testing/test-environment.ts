import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { eventStreamName } from '../messaging/subject-namespace.js';
import { adminQuery, withDatabase } from '../persistence/database-admin.js';

/** Where the shared infrastructure is; the jest global setup exports these. */
export function infrastructureFromEnv(): { databaseUrl: string; natsUrl: string; meiliUrl: string; meiliMasterKey?: string } {
  const databaseUrl = process.env.COOP_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('COOP_TEST_DATABASE_URL is not set: run integration tests through `npm test`');
  return {
    databaseUrl,
    natsUrl: process.env.COOP_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    meiliUrl: process.env.COOP_TEST_MEILI_URL ?? process.env.MEILI_URL ?? 'http://127.0.0.1:7700',
    meiliMasterKey: process.env.COOP_TEST_MEILI_MASTER_KEY ?? process.env.MEILI_MASTER_KEY,
  };
}

export interface TestEnvironment {
  /** Environment for services of this test: a fresh database, NATS namespace and index prefix. */
  env: NodeJS.ProcessEnv;
  namespace: string;
  databaseUrl: string;
  dispose(): Promise<void>;
}

/**
 * An isolated world on the shared Postgres, NATS and Meilisearch: its own database, subject
 * namespace and event stream, and index prefix, all removed by dispose().
 */
export async function createTestEnvironment(overrides: NodeJS.ProcessEnv = {}): Promise<TestEnvironment> {
  const infra = infrastructureFromEnv();
  const id = randomBytes(5).toString('hex');
  const database = `coop_test_${id}`;
  await adminQuery(infra.databaseUrl, `CREATE DATABASE ${database}`);
  const databaseUrl = withDatabase(infra.databaseUrl, database);
  const namespace = `t${id}`;
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    NATS_URL: infra.natsUrl,
    NATS_NAMESPACE: namespace,
    MEILI_URL: infra.meiliUrl,
    MEILI_MASTER_KEY: infra.meiliMasterKey,
    MEILI_INDEX_PREFIX: `${namespace}_`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    OUTBOX_POLL_MS: '200',
    SHUTDOWN_GRACE_MS: '3000',
    PORT: '0',
    HOST: '127.0.0.1',
    ...overrides,
  };
  return {
    env,
    namespace,
    databaseUrl,
    dispose: async () => {
      await deleteStream(infra.natsUrl, namespace);
      await deleteIndexes(infra.meiliUrl, infra.meiliMasterKey, `${namespace}_`);
      await adminQuery(infra.databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

async function deleteStream(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(eventStreamName(namespace)).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

/** Drops the test's Meilisearch indexes (those named with its prefix). */
async function deleteIndexes(meiliUrl: string, masterKey: string | undefined, prefix: string): Promise<void> {
  const headers = masterKey ? { authorization: `Bearer ${masterKey}` } : undefined;
  const response = await fetch(new URL('/indexes?limit=1000', meiliUrl), { headers }).catch(() => undefined);
  if (!response?.ok) return;
  const { results } = (await response.json()) as { results: Array<{ uid: string }> };
  for (const { uid } of results.filter((index) => index.uid.startsWith(prefix))) {
    await fetch(new URL(`/indexes/${encodeURIComponent(uid)}`, meiliUrl), { method: 'DELETE', headers }).catch(() => undefined);
  }
}
