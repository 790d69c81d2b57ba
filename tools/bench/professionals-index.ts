// npm run bench:index -- --professionals 100000 [--updates 200] [--concurrency 2] [--booking-concurrency 8]
//
// Starts a fresh professionals service (its own process, as in production: database "coop_bench",
// NATS namespace "bench", index prefix "bench_", all reset at the start of each run; its log in
// .data/bench/index/professionals.log, emptied as it starts), loads N synthetic professionals through its bulk import RPC,
// waits until every one is searchable, then measures how long a profile change takes to become
// searchable (polling the index for the new value), changing profiles one at a time:
//   1. right after the load (--updates changes);
//   2. right after a burst of 200 profile changes sent at once (and how long the burst took to be searchable);
//   3. while bookings are made as fast as --booking-concurrency callers can (as automatic
//      assignment makes them in the matching benchmark's phase (d)).
// Prints the figures and writes them to bench-results-index.json.
// Uses the engines `npm start` uses (tools/stack): DATABASE_URL/NATS_URL/MEILI_URL when set.
import 'reflect-metadata';
import { Meilisearch } from 'meilisearch';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BookingRpc, DomainException, formatDay, keywordsOf, mondayOf, ProfessionalRpc, professionalsIndexName, today, type ProfessionalView } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import { repositoryRoot } from '../repository-root.js';
import { ensureInfrastructure } from '../stack/infrastructure.js';
import { sleep } from '../stack/wait.js';
import { splitByKeywords } from '../../apps/matching/src/candidates/professionals-search.js';
import { parseCommandLine, runCommand, UsageError } from '../support/command-line.js';
import { withRpc } from '../support/rpc.js';
import { freshEnvironment, freshLogDir, loadSearchableProfessionals, log, percentiles, seconds, startServices, stopAll, waitForServices } from './bench-stack.js';

const NAMES = { database: 'coop_bench', namespace: 'bench', indexPrefix: 'bench_' };
const POLL_MS = 10;
const CHANGE_TIMEOUT_MS = 30_000;

const USAGE = 'usage: npm run bench:index -- --professionals N [--updates U] [--concurrency C] [--booking-concurrency B]';

async function main(): Promise<void> {
  const values = parseCommandLine(
    {
      professionals: { type: 'string', default: '100000' },
      updates: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '2' },
      'booking-concurrency': { type: 'string', default: '8' },
    },
    USAGE,
  );
  const [count, updates, concurrency, bookingConcurrency] = [values.professionals, values.updates, values.concurrency, values['booking-concurrency']].map(Number);
  if (![count, updates, concurrency, bookingConcurrency].every((n) => Number.isInteger(n) && n > 0)) {
    throw new UsageError('every count must be a whole number above 0', USAGE);
  }
  const root = repositoryRoot();
  const infrastructure = await ensureInfrastructure({ dataDir: join(root, '.data', 'bench'), log });
  try {
    const env = await freshEnvironment(infrastructure, NAMES);
    const services = startServices(root, env, ['professionals'], freshLogDir(root, 'index'));
    try {
      const results = await withRpc(env, async (rpc) => {
        await waitForServices(rpc, services);
        return measure(rpc, env, { count, updates, concurrency, bookingConcurrency });
      });
      const shown = (p: { inOrder?: number[] }) => ({ ...p, inOrder: undefined });
      console.log(
        JSON.stringify(
          {
            ...results,
            changeToSearchableMs: shown(results.changeToSearchableMs),
            afterBurst: { ...results.afterBurst, changeToSearchableMs: shown(results.afterBurst.changeToSearchableMs) },
            duringBookings: { ...results.duringBookings, changeToSearchableMs: shown(results.duringBookings.changeToSearchableMs) },
          },
          null,
          2,
        ),
      );
      writeFileSync(join(root, 'bench-results-index.json'), `${JSON.stringify(results, null, 2)}\n`);
      log('written to bench-results-index.json');
    } finally {
      await stopAll(services);
    }
  } finally {
    await infrastructure.stop();
  }
}

async function measure(rpc: RpcClient, env: NodeJS.ProcessEnv, options: { count: number; updates: number; concurrency: number; bookingConcurrency: number }) {
  const meili = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY, requestInit: { headers: { 'accept-encoding': 'identity' } } });
  const index = meili.index(professionalsIndexName(NAMES.indexPrefix));
  const loadAverageAtStart = loadavg().map((n) => Number(n.toFixed(2)));

  const { loadedMs, indexedMs } = await loadSearchableProfessionals(rpc, env, options.count, options.concurrency);

  const first = await rpc.send(ProfessionalRpc.list, { limit: 200 });
  const items = first.items;
  // Others than those whose profiles change take the bookings.
  const bookable = first.nextCursor ? (await rpc.send(ProfessionalRpc.list, { limit: 200, cursor: first.nextCursor })).items : items;
  let change = 0;
  /** Those whose profile holds a word, as matching finds them: by the index's keywords. */
  const holding = (word: string) => index.search('', { filter: splitByKeywords(keywordsOf(word))[0], limit: 1, attributesToRetrieve: ['id'] });
  /** Changes a profile and answers how long it took to be searchable. */
  const changeOne = async (professional: ProfessionalView): Promise<number> => {
    const token = `bench${change}q${Date.now().toString(36)}`;
    change += 1;
    const changed = Date.now();
    await rpc.send(ProfessionalRpc.update, { id: professional.id, skills: [...professional.skills.slice(0, 3), token] });
    for (;;) {
      const { hits } = await holding(token);
      if (hits.length > 0) return Date.now() - changed;
      if (Date.now() - changed > CHANGE_TIMEOUT_MS) throw new Error(`change ${token} not searchable after ${CHANGE_TIMEOUT_MS} ms`);
      await sleep(POLL_MS);
    }
  };
  const oneAtATime = async (n: number): Promise<number[]> => {
    const latencies: number[] = [];
    for (let i = 0; i < n; i += 1) latencies.push(await changeOne(items[i % items.length]));
    return latencies;
  };

  log(`${options.updates} profile changes one at a time`);
  const latencies = await oneAtATime(options.updates);

  log('a burst of 200 profile changes at once, then changes one at a time');
  const burstStarted = Date.now();
  const burstToken = `burst${Date.now().toString(36)}`;
  await Promise.all(items.slice(0, 200).map((professional) => rpc.send(ProfessionalRpc.update, { id: professional.id, bio: `${professional.bio} ${burstToken}` })));
  const afterBurst = await oneAtATime(Math.min(options.updates, 50));
  for (;;) {
    const { estimatedTotalHits } = await holding(burstToken);
    if ((estimatedTotalHits ?? 0) >= Math.min(200, items.length)) break;
    if (Date.now() - burstStarted > CHANGE_TIMEOUT_MS) throw new Error('the burst was not searchable in time');
    await sleep(POLL_MS);
  }
  const burstSearchableMs = Date.now() - burstStarted;

  log(`profile changes one at a time while ${options.bookingConcurrency} callers make bookings`);
  const bookings = { made: 0, refused: 0 };
  let booking = true;
  const monday = mondayOf(today('America/Toronto'));
  const booker = async (worker: number) => {
    for (let i = worker; booking; i += options.bookingConcurrency) {
      const professional = bookable[i % bookable.length];
      const start = monday + 7 * (1 + (i % 20));
      try {
        await rpc.send(BookingRpc.reserve, { assignmentId: randomUUID(), professionalId: professional.id, startDate: formatDay(start), endDate: formatDay(start + 4), hours: 2 });
        bookings.made += 1;
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        bookings.refused += 1;
      }
    }
  };
  const bookingStarted = Date.now();
  const bookers = Array.from({ length: options.bookingConcurrency }, (_, worker) => booker(worker));
  const duringBookings = await oneAtATime(Math.min(options.updates, 100));
  booking = false;
  await Promise.all(bookers);
  const bookingSeconds = (Date.now() - bookingStarted) / 1000;

  return {
    professionals: options.count,
    loadSeconds: seconds(loadedMs),
    loadAndIndexSeconds: seconds(indexedMs),
    documentsPerSecond: Math.round((options.count * 1000) / indexedMs),
    changeToSearchableMs: { ...percentiles(latencies), inOrder: latencies },
    afterBurst: { burstSearchableMs, changeToSearchableMs: { ...percentiles(afterBurst), inOrder: afterBurst } },
    duringBookings: {
      bookingsPerSecond: Number((bookings.made / bookingSeconds).toFixed(1)),
      bookingsRefused: bookings.refused,
      changeToSearchableMs: { ...percentiles(duringBookings), inOrder: duringBookings },
    },
    machine: { cpus: cpus().length, loadAverageAtStart, loadAverage: loadavg().map((n) => Number(n.toFixed(2))) },
    measuredAt: new Date().toISOString(),
  };
}

runCommand('bench:index', main);
