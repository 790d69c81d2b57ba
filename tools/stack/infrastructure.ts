// Brings up (or reuses) the three engines the services need: PostgreSQL, NATS with JetStream and
// Meilisearch. See postgres.ts, nats.ts and meilisearch.ts for the order in which each is looked
// for. Whatever this starts is stopped by stop() (and killed if this process exits); whatever it
// merely found running is left alone.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureMeilisearch } from './meilisearch.js';
import { ensureNats } from './nats.js';
import { ensurePostgres } from './postgres.js';
import { errorMessage, type Log, type ProvidedService } from './provided-service.js';

export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
  /** The NATS server's monitoring endpoint, when it was started here. */
  natsMonitorUrl?: string;
  meiliUrl: string;
  meiliMasterKey: string;
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  /** Where started engines keep their state (e.g. <repo>/.data). */
  dataDir: string;
  log?: (line: string) => void;
}

export async function ensureInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const dataDir = resolve(options.dataDir);
  const log: Log = options.log ?? ((line) => console.log(line));
  mkdirSync(dataDir, { recursive: true });

  // Independent of each other, so bring them up side by side.
  const [postgres, nats, meili] = await Promise.allSettled([
    ensurePostgres({ dataDir, log }),
    ensureNats({ dataDir, log }),
    ensureMeilisearch({ dataDir, log }),
  ]);
  if (postgres.status === 'rejected' || nats.status === 'rejected' || meili.status === 'rejected') {
    await stopAll(fulfilledValues([postgres, nats, meili]));
    throw new Error(failureMessages([postgres, nats, meili]));
  }

  let stopping: Promise<void> | undefined;
  return {
    databaseUrl: postgres.value.url,
    natsUrl: nats.value.url,
    ...(nats.value.monitorUrl ? { natsMonitorUrl: nats.value.monitorUrl } : {}),
    meiliUrl: meili.value.url,
    meiliMasterKey: meili.value.masterKey,
    stop: () => (stopping ??= stopAll([postgres.value, nats.value, meili.value])),
  };
}

function fulfilledValues(results: Array<PromiseSettledResult<ProvidedService>>): ProvidedService[] {
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

function failureMessages(results: Array<PromiseSettledResult<ProvidedService>>): string {
  const reasons = results.flatMap((result) => (result.status === 'rejected' ? [errorMessage(result.reason)] : []));
  return reasons.length === 1 ? reasons[0] : `infrastructure could not start:\n- ${reasons.join('\n- ')}`;
}

/** Stops every service (each is a no-op unless we started it); reports all failures at once. */
async function stopAll(services: ProvidedService[]): Promise<void> {
  const results = await Promise.allSettled(services.map((service) => service.stop()));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [errorMessage(result.reason)] : []));
  if (failures.length > 0) throw new Error(`stopping the infrastructure: ${failures.join('; ')}`);
}
