// npm run bench -- --professionals 100000 [--queries 1000] [--depth-queries 200] [--burst 2000] [--concurrency 32] [--matching-replicas 1,2]
//                   [--nearest-fits-queries 200] [--phases a,b,c,d,e,f] [--shared-nats]
//
// The matching benchmark. Starts members, professionals, matching and the gateway as their own
// processes on a clean database "coop_bench_matching", NATS namespace "benchmatch" and index prefix
// "benchmatch_" (logs of the run in .data/bench/matching/, emptied as it starts), on a NATS server and an embedded Postgres of its
// own (unless --shared-nats, --shared-postgres: so that their CPU is the run's), loads N synthetic
// professionals and waits until they are
// searchable, then measures, one query at a time over keep-alive HTTP:
//   (a) POST /v1/matches/search through the gateway (HTTP -> NATS -> matching -> Meilisearch +
//       availability RPC, round after round of retrieval -> response);
//   (b) the Meilisearch searches of that retrieval (the same code run here, recording them), all
//       sent to Meilisearch directly as one multi-search, with its own processingTimeMs as the floor;
//   (c) a baseline matcher in one SQL query on the professionals' tables in Postgres;
//   (e) ranking quality: for --depth-queries of those queries, the two-stage ranking's top 10
//       against the exhaustive ranking's (every eligible professional; ranking-quality.ts);
//   (f) the cost of the nearest fits (nearest-fits.ts): --nearest-fits-queries queries nobody can
//       take, through the gateway without and with nearestFits (latency, multi-searches and
//       availability calls per query, CPU per query of each process), then half as many such
//       requests through automatic assignment to request.unmatched, counted the same way;
// and then (d) a burst of requests from partners of auto-assign members at a fixed concurrency
// (closed loop: each of C partners submits, waits for its request.assigned / request.unmatched
// event, then submits the next), each timed from its submit to that event, with the CPU of every
// process read from /proc (cpu-sampler.ts), followed by the invariant checks (no week overbooked,
// no request with two active assignments); once per --matching-replicas entry, more replicas
// started between runs.
// --phases runs only some of them (e.g. --phases f for the nearest fits alone; the load always runs).
// Writes bench-results.json and prints a table, with the machine's load average.
import 'reflect-metadata';
import { connect as connectNats } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  COOP_SECTOR_CODES,
  EXPERTISE_DOMAIN_CODES,
  professionalsIndexName,
  RequestEvents,
  requestKeywords,
  type CoopSectorCode,
  type EventEnvelope,
  type ExpertiseDomainCode,
  type IssuedCredentialView,
  type LanguageCode,
  type MatchSearchRequest,
  type MemberView,
  type SubmitServiceRequestBody,
} from '@coop/contracts';
import { loadConfig, namespacedSubject, type RpcClient } from '@coop/platform';
import { rater, twoStageRetrieval, windowsOf } from '../../apps/matching/src/candidates/professionals.adapter.js';
import { type CandidateQuery as MeiliQuery, listHits, listQueries, setFilters } from '../../apps/matching/src/candidates/professionals-search.js';
import { MultiSearchClient } from '../../apps/matching/src/candidates/multi-search-client.js';
import { MatchingConfig } from '../../apps/matching/src/config.js';
import { contextOfSearch } from '../../apps/matching/src/match-request/match-context.js';
import { RANKED_POOL } from '../../apps/matching/src/nearest-fits/nearest-fits.js';
import type { ProfessionalSearchDocument } from '@coop/contracts';
import { SeededRandom, type Weighted } from '../generator/random.js';
import { SKILL_KEYWORDS } from '../generator/skill-keywords.js';
import { repositoryRoot } from '../repository-root.js';
import { ensureInfrastructure } from '../stack/infrastructure.js';
import { findFreePort } from '../stack/ports.js';
import { waitUntil } from '../stack/wait.js';
import { parseCommandLine, runCommand, UsageError } from '../support/command-line.js';
import { withRpc } from '../support/rpc.js';
import { CpuSampler, findPid, type CpuReport } from './cpu-sampler.js';
import { MeiliCounter } from './meili-counter.js';
import { NatsCounter } from './nats-counter.js';
import { increasePer, per, perUnit, readCounters } from './per-unit.js';
import { StatementCounter } from './statement-counter.js';
import { beyondAnyone, meilisearchPid, nearestFitsCost } from './nearest-fits.js';
import { rankingQuality } from './ranking-quality.js';
import {
  freshEnvironment,
  freshLogDir,
  loadSearchableProfessionals,
  log,
  percentiles,
  seconds,
  startServices,
  stopAll,
  waitForServices,
  type Percentiles,
} from './bench-stack.js';
import type { ManagedProcess } from '../stack/managed-process.js';

const NAMES = { database: 'coop_bench_matching', namespace: 'benchmatch', indexPrefix: 'benchmatch_' };
const WARM_UP = 50;
const MEMBERS = 16;
/** A request not assigned or unmatched by then counts as not terminal. */
const REQUEST_TIMEOUT_MS = 60_000;
/** The top a match search shows by default (and automatic assignment stores). */
const TOP = 10;
const PHASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  professionals: number;
  queries: number;
  depthQueries: number;
  burst: number;
  concurrency: number;
  /** (d) runs once per entry, with that many matching replicas (more are started between runs). */
  matchingReplicas: number[];
  nearestFitsQueries: number;
  phases: ReadonlySet<Phase>;
}

const USAGE =
  'usage: npm run bench -- [--professionals N] [--queries Q] [--depth-queries Q] [--burst B] [--concurrency C] [--matching-replicas R1,R2...] [--nearest-fits-queries Q] [--phases a,b,c,d,e,f] [--shared-nats] [--shared-postgres] [--database NAME]';

async function main(): Promise<void> {
  const values = parseCommandLine(
    {
      professionals: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '1000' },
      'depth-queries': { type: 'string', default: '200' },
      burst: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '32' },
      'matching-replicas': { type: 'string', default: '1,2' },
      'nearest-fits-queries': { type: 'string', default: '200' },
      phases: { type: 'string', default: PHASES.join(',') },
      'shared-nats': { type: 'boolean', default: false },
      'shared-postgres': { type: 'boolean', default: false },
      // Another database name, for two runs on one Postgres at once.
      database: { type: 'string', default: NAMES.database },
    },
    USAGE,
  );
  NAMES.database = values.database;
  const replicas = values['matching-replicas'].split(',').map(Number);
  const counts = {
    professionals: Number(values.professionals),
    queries: Number(values.queries),
    depthQueries: Number(values['depth-queries']),
    burst: Number(values.burst),
    concurrency: Number(values.concurrency),
    nearestFitsQueries: Number(values['nearest-fits-queries']),
  };
  const phases = values.phases.split(',').map((phase) => phase.trim());
  const increasing = replicas.every((n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n >= replicas[i - 1]));
  if (!increasing || !Object.values(counts).every((n) => Number.isInteger(n) && n > 0) || !phases.every((phase): phase is Phase => (PHASES as readonly string[]).includes(phase))) {
    throw new UsageError('a count, a replica list or a phase is not one the benchmark takes', USAGE);
  }
  const options: Options = { ...counts, matchingReplicas: replicas, phases: new Set(phases as Phase[]) };
  const root = repositoryRoot();
  // A NATS server and a Postgres cluster of its own, unless told otherwise, so that their CPU is the
  // benchmark's alone (and other work's connections cannot exhaust the server's).
  if (!values['shared-nats'] && !process.env.NATS_URL) process.env.COOP_SPAWN_NATS = '1';
  if (!values['shared-postgres'] && !process.env.DATABASE_URL) process.env.COOP_EMBEDDED_POSTGRES = '1';
  const infrastructure = await ensureInfrastructure({ dataDir: join(root, '.data', 'bench'), log });
  try {
    const port = await findFreePort();
    const adminKey = randomBytes(24).toString('hex');
    const env = {
      ...(await freshEnvironment(infrastructure, NAMES)),
      PORT: String(port),
      ADMIN_API_KEY: adminKey,
      RATE_LIMIT_MAX: '100000000',
      // The exhaustive ranking of (e) asks the availability of thousands at once.
      RPC_TIMEOUT_MS: '120000',
    };
    const matching = Array.from({ length: options.matchingReplicas[0] }, () => 'matching' as const);
    const logDir = freshLogDir(root, 'matching');
    const services = startServices(root, env, ['members', 'professionals', ...matching, 'gateway'], logDir);
    try {
      const results = await withRpc(env, async (rpc) => {
        await waitForServices(rpc, services);
        const gateway = new Gateway(`http://127.0.0.1:${port}`);
        await waitUntil('the gateway', () => gateway.answers(), { timeoutMs: 60_000, hint: 'see .data/bench/matching/gateway.log' });
        const load = await loadSearchableProfessionals(rpc, env, options.professionals, 2);
        const addMatchingReplica = async () => {
          const running = services.filter((service) => service.name === 'matching').length;
          const [replica] = startServices(root, env, ['matching'], logDir, running);
          services.push(replica);
          await waitForServices(rpc, [replica]);
        };
        return measure(gateway, rpc, adminKey, env, options, load, services, addMatchingReplica, infrastructure.natsMonitorUrl);
      });
      writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
      printTable(results);
      log('written to bench-results.json');
    } finally {
      await stopAll(services);
    }
  } finally {
    await infrastructure.stop();
  }
}

async function measure(
  gateway: Gateway,
  rpc: RpcClient,
  adminKey: string,
  env: NodeJS.ProcessEnv,
  options: Options,
  load: { loadedMs: number; indexedMs: number },
  services: ManagedProcess[],
  addMatchingReplica: () => Promise<void>,
  natsMonitorUrl: string | undefined,
) {
  const loadAverageAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const coordinator = await gateway.post<IssuedCredentialView>('/v1/credentials', adminKey, { role: 'coordinator', label: 'bench coordinator' });
  const random = new SeededRandom(7);
  const queries = Array.from({ length: options.queries + WARM_UP }, () => randomSearch(random));
  const run = (phase: Phase) => options.phases.has(phase);

  let viaGateway: number[] | undefined;
  let cpuMsPerSearch: Record<string, number> | undefined;
  if (run('a')) {
    log(`(a) ${options.queries} match searches through the gateway`);
    // One search at a time: the CPU of every process over the phase, divided by the searches, is what one costs.
    const sampler = new CpuSampler(processesOf(services, env), { url: env.DATABASE_URL!, database: NAMES.database });
    await sampler.start();
    // Over HTTP the hours are called estimatedHours, as in a request (`hours` is the RPC's name).
    viaGateway = await timeEach(queries, ({ hours, ...query }, _measured, i) =>
      gateway.post('/v1/matches/search', coordinator.key, { ...query, estimatedHours: hours }, 200, i % 2 === 0 ? 'fr' : 'en'),
    );
    cpuMsPerSearch = perUnit((await sampler.stop()).byComponent, queries.length);
  }

  let direct: number[] | undefined;
  const processing: number[] = [];
  const retrieval = { rounds: 0, hits: 0, lists: 0, queries: 0 };
  if (run('b')) {
    log('(b) the Meilisearch searches of each match (all its rounds as one multi-search) sent directly');
    const meili = new MeiliDirect(env.MEILI_URL!, env.MEILI_MASTER_KEY!, professionalsIndexName(env.MEILI_INDEX_PREFIX!), loadConfig(MatchingConfig, env));
    const recorded: MeiliQuery[][] = [];
    for (const [i, query] of queries.entries()) {
      const replay = await meili.retrievalOf(rpc, query);
      recorded.push(replay.queries);
      if (i >= WARM_UP) {
        retrieval.rounds += replay.rounds;
        retrieval.hits += replay.hits;
        retrieval.lists += replay.queries.length;
        retrieval.queries += 1;
      }
    }
    direct = await timeEach(recorded, async (multiSearch, measured) => {
      const took = await meili.multiSearch(multiSearch);
      if (measured) processing.push(took);
    });
    await meili.close();
  }

  const measuredQueries = queries.slice(WARM_UP, WARM_UP + options.depthQueries);
  let quality: Awaited<ReturnType<typeof rankingQuality>> | undefined;
  if (run('e')) {
    log(`(e) ${measuredQueries.length} of them ranked in two stages and exhaustively`);
    quality = await rankingQuality(rpc, measuredQueries);
  }

  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
  let sql: number[] | undefined;
  let sqlRows = 0;
  if (run('c')) {
    log('(c) the same queries as one SQL query in Postgres');
    sql = await timeEach(queries, async (query, measured) => {
      const { rowCount } = await pool.query(BASELINE_SQL, baselineParameters(query));
      if (measured) sqlRows += rowCount ?? 0;
    });
  }

  let nearestFits: Awaited<ReturnType<typeof nearestFitsCost>> | undefined;
  if (run('f')) {
    const fitsQueries = Array.from({ length: options.nearestFitsQueries }, () => beyondAnyone(randomSearch(random)));
    log(`(f) nearest fits: ${fitsQueries.length} searches nobody can take, without and with them, then ${Math.ceil(fitsQueries.length / 2)} such requests to request.unmatched`);
    const partnerKey = (await partnersOfAutoAssignMembers(gateway, adminKey, 1))[0];
    const pids = Object.fromEntries(Object.entries(processesOf(services, env)).filter(([name]) => name !== 'load generator'));
    nearestFits = await nearestFitsCost({ gateway, coordinatorKey: coordinator.key, partnerKey, env, pids }, fitsQueries, Math.ceil(fitsQueries.length / 2));
  }

  const bursts: Array<
    Awaited<ReturnType<typeof assignmentBurst>> & { violations: Awaited<ReturnType<typeof checkInvariants>>; cpu: CpuReport; cpuMsPerAssignment: Record<string, number>; multiSearchesPerAssignment: number; statementsPerAssignment: number | null; natsMessagesPerAssignment: number | null }
  > = [];
  if (run('d')) {
    const partners = await partnersOfAutoAssignMembers(gateway, adminKey, MEMBERS);
    const meili = new MeiliCounter(env.MEILI_URL!, env.MEILI_MASTER_KEY!);
    await meili.enable();
    const statements = new StatementCounter(pool, NAMES.database);
    const countsStatements = await statements.enable();
    const nats = natsMonitorUrl ? new NatsCounter(natsMonitorUrl) : undefined;
    // Read before and after each burst: what the work cost in searches, statements and messages.
    const counters = {
      multiSearches: () => meili.multiSearches(),
      statements: countsStatements ? () => statements.statements() : undefined,
      natsMessages: nats ? () => nats.messagesIn() : undefined,
    };
    try {
      for (const replicas of options.matchingReplicas) {
        while (services.filter((service) => service.name === 'matching').length < replicas) await addMatchingReplica();
        log(`(d) ${options.burst} requests from partners of auto-assign members, ${options.concurrency} in flight at a time, ${replicas} matching replica(s)`);
        const sampler = new CpuSampler(processesOf(services, env), { url: env.DATABASE_URL!, database: NAMES.database });
        const before = await readCounters(counters);
        await sampler.start();
        const burst = await assignmentBurst(gateway, partners, env, { ...options, replicas }, random);
        const cpu = await sampler.stop();
        const done = burst.assigned + burst.unmatched;
        const counted = increasePer(before, await readCounters(counters), done);
        bursts.push({
          ...burst,
          violations: await checkInvariants(pool),
          cpu,
          cpuMsPerAssignment: perUnit(cpu.byComponent, done),
          multiSearchesPerAssignment: counted.multiSearches!,
          statementsPerAssignment: counted.statements,
          natsMessagesPerAssignment: counted.natsMessages,
        });
      }
    } finally {
      await meili.restore();
    }
  }
  await pool.end();

  const a = viaGateway && percentiles(viaGateway);
  const b = direct && percentiles(direct);
  const c = sql && percentiles(sql);
  return {
    professionals: options.professionals,
    phases: [...options.phases].sort(),
    loadAndIndexSeconds: seconds(load.indexedMs),
    ...(a ? { a_gatewayMatchSearchMs: a, a_cpuMsPerMatchSearch: cpuMsPerSearch! } : {}),
    ...(b ? { b_meilisearchDirectMs: b, b_meilisearchProcessingTimeMs: percentiles(processing) } : {}),
    ...(c ? { c_postgresBaselineMs: { ...c, averageRows: Number((sqlRows / sql!.length).toFixed(1)) } } : {}),
    ratios: { ...(a && b ? { aOverB_p50: ratio(a.p50, b.p50) } : {}), ...(a && c ? { cOverA_p50: ratio(c.p50, a.p50) } : {}) },
    ...(bursts.length > 0 ? { d_autoAssignment: bursts } : {}),
    ...(retrieval.queries > 0
      ? { retrievalPerQuery: { rounds: per(retrieval.rounds, retrieval.queries), hits: per(retrieval.hits, retrieval.queries), listPages: per(retrieval.lists, retrieval.queries) } }
      : {}),
    ...(quality ? { e_rankingQuality: quality } : {}),
    ...(nearestFits ? { f_nearestFits: nearestFits } : {}),
    targets: {
      ...(a && b ? { aP50Within1_5xOfB: a.p50 <= 1.5 * b.p50 } : {}),
      ...(a ? { aP99AtMost40ms: a.p99 <= 40 } : {}),
      ...(quality ? { eSameBestAtLeast99Percent: quality.sameBest >= 0.99, eTop10OverlapAtLeast90Percent: quality.top10Overlap >= 0.9 } : {}),
      ...Object.fromEntries(
        bursts.flatMap((burst) => [
          [`d${burst.matchingReplicas}CpuPerAssignmentAtMost25ms`, total(burst.cpuMsPerAssignment, 'load generator') <= 25],
          [
            `d${burst.matchingReplicas}ZeroViolations`,
            burst.violations.overbookedWeeks === 0 && burst.violations.requestsWithTwoActiveAssignments === 0 && burst.notTerminal === 0,
          ],
        ]),
      ),
      ...(nearestFits
        ? {
            // Averages per query: 4.235 - 3.235 is 1.0000000000000004 in floating point.
            fAtMostOneMoreSearch: nearestFits.search.with.multiSearches - nearestFits.search.without.multiSearches <= 1 + 1e-9,
            fAtMostOneMoreAvailabilityBatch: nearestFits.search.with.availabilityCalls - nearestFits.search.without.availabilityCalls <= 1 + 1e-9,
          }
        : {}),
    },
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      loadAverageAtStart,
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    },
    measuredAt: new Date().toISOString(),
  };
}

/** Runs `work` once per item, one at a time; the first WARM_UP calls are not timed. */
async function timeEach<T>(items: T[], work: (item: T, measured: boolean, i: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (const [i, item] of items.entries()) {
    const measured = i >= WARM_UP;
    const started = performance.now();
    await work(item, measured, i);
    if (measured) durations.push(performance.now() - started);
  }
  return durations;
}

// --- the queries --------------------------------------------------------------------------

const LANGUAGES: Weighted<LanguageCode>[] = [
  ['fr', 4],
  ['en', 1],
];

function randomSearch(random: SeededRandom): MatchSearchRequest {
  const domain = random.pick(EXPERTISE_DOMAIN_CODES);
  const start = random.int(7, 120);
  const days = random.int(4, 45);
  const workingDays = Math.max(1, Math.round((days * 5) / 7));
  return {
    domain,
    language: random.weighted(LANGUAGES),
    startDate: dayInDays(start),
    endDate: dayInDays(start + days),
    hours: random.int(2, Math.min(120, workingDays * 6)),
    ...(random.chance(0.7) ? { sector: random.pick(COOP_SECTOR_CODES) } : {}),
    ...(random.chance(0.8) ? { text: words(random, domain) } : {}),
  };
}

function words(random: SeededRandom, domain: ExpertiseDomainCode): string {
  const keywords = SKILL_KEYWORDS[domain];
  return Array.from({ length: random.int(1, 3) }, () => random.pick(keywords)).join(' ');
}

function dayInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// --- (a) the gateway, (b) Meilisearch: one keep-alive connection each (Node's fetch) ---------

class Gateway {
  constructor(private readonly baseUrl: string) {}

  async answers(): Promise<boolean> {
    const response = await fetch(`${this.baseUrl}/health`).catch(() => undefined);
    await response?.body?.cancel();
    return response?.status === 200;
  }

  async post<T = unknown>(path: string, key: string, body: object, expected = 201, language: LanguageCode = 'fr'): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

class MeiliDirect {
  private readonly client: MultiSearchClient;

  constructor(
    url: string,
    key: string,
    private readonly index: string,
    /** The matching service's settings (its first page, its time zone), read from the environment it runs with. */
    private readonly matching: MatchingConfig,
  ) {
    this.client = new MultiSearchClient(url, key);
  }

  /**
   * Runs this query's retrieval as matching does (the same code, the same reads, availability from
   * the professionals service) and answers every search it sent, to be sent again at once.
   */
  async retrievalOf(rpc: RpcClient, search: MatchSearchRequest): Promise<{ queries: MeiliQuery[]; rounds: number; hits: number }> {
    const context = contextOfSearch(search);
    const text = search.text ?? '';
    const top = search.limit ?? TOP;
    const query = { context, text, top, partialTop: Math.max(top, RANKED_POOL), past: new Map<string, number>(), includeExcluded: false };
    const queries: MeiliQuery[] = [];
    const keywords = requestKeywords(text);
    const outcome = await twoStageRetrieval(
      query,
      keywords,
      setFilters(context, this.matching.TIME_ZONE),
      {
        read: async (reads) => {
          const page = listQueries(this.index, context.domain, reads);
          queries.push(...page);
          return listHits(await this.client.search<ProfessionalSearchDocument>(page), keywords);
        },
        availability: (ids) => windowsOf(rpc, ids, context),
        rate: rater(query),
      },
      this.matching.MATCH_FIRST_PAGE,
    );
    return { queries, rounds: outcome.rounds, hits: outcome.hits };
  }

  /** One multi-search, sent as matching sends it; answers Meilisearch's processing time (summed over its queries). */
  async multiSearch(queries: MeiliQuery[]): Promise<number> {
    const results = await this.client.search(queries);
    return results.reduce((sum, result) => sum + result.processingTimeMs, 0);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

// --- (c) the baseline: one SQL query ------------------------------------------------------

/**
 * What a team without a search engine would write: in-domain, active, speaking the language, with
 * the free hours of the window's weeks (ledger row or weekly capacity, pro rata of the window's
 * working days; time off is not deducted) covering the request, ordered by a weighted score close
 * to matching's (domain level and years, co-op sector and years, headroom, text relevance).
 * $1 domain, $2 language, $3 start, $4 end, $5 hours, $6 text, $7 sector (or null).
 */
const BASELINE_SQL = `
WITH weeks AS (
  SELECT date_trunc('week', day)::date AS week_start, count(*) AS days
  FROM generate_series($3::date, $4::date, interval '1 day') AS day
  WHERE extract(isodow FROM day) < 6
  GROUP BY 1
),
candidates AS (
  SELECT p.id, p.full_name, p.coop_years, p.coop_sectors, p.weekly_capacity_hours, d.level, d.years,
         ts_rank(to_tsvector('french', array_to_string(p.skills, ' ') || ' ' || p.bio), plainto_tsquery('french', $6), 32) AS relevance
  FROM professionals.professional p
  CROSS JOIN LATERAL jsonb_to_recordset(p.domains) AS d(code text, level int, years int)
  WHERE p.active AND $2 = ANY (p.languages) AND d.code = $1
)
SELECT c.id, c.full_name, f.free_hours,
       0.25 * c.level / 5.0
     + 0.10 * least(c.years, 20) / 20.0
     + 0.15 * (CASE WHEN $7::text = ANY (c.coop_sectors) THEN 1 ELSE 0 END)
     + 0.10 * least(c.coop_years, 20) / 20.0
     + 0.15 * least(f.free_hours / $5, 2) / 2.0
     + 0.25 * c.relevance AS score
FROM candidates c
CROSS JOIN LATERAL (
  SELECT sum(greatest(0, coalesce(aw.capacity_hours * w.days / 5.0, c.weekly_capacity_hours * (w.days - off.days) / 5.0)
                        - coalesce(aw.booked_hours, 0))) AS free_hours
  FROM weeks w
  LEFT JOIN professionals.availability_week aw ON aw.professional_id = c.id AND aw.week_start = w.week_start
  -- working days of the window in this week that the professional has off (a ledger week already counts them)
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT off_day) AS days
    FROM professionals.time_off t
    CROSS JOIN LATERAL generate_series(greatest(t.start_date, w.week_start, $3::date), least(t.end_date, w.week_start + 4, $4::date), interval '1 day') AS off_day
    WHERE t.professional_id = c.id AND t.start_date <= least(w.week_start + 4, $4::date) AND t.end_date >= greatest(w.week_start, $3::date)
  ) off
) f
WHERE f.free_hours >= $5
ORDER BY score DESC
LIMIT 10`;

function baselineParameters(query: MatchSearchRequest): unknown[] {
  return [query.domain, query.language, query.startDate, query.endDate, query.hours, query.text ?? '', query.sector ?? null];
}

// --- (d) automatic assignment ---------------------------------------------------------------

/** API keys of partners of `count` new auto-assign members of various sectors and languages. */
async function partnersOfAutoAssignMembers(gateway: Gateway, adminKey: string, count: number): Promise<string[]> {
  const partners: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const member = await gateway.post<MemberView>('/v1/members', adminKey, {
      name: `Bench federation ${i}`,
      sector: COOP_SECTOR_CODES[i % COOP_SECTOR_CODES.length] as CoopSectorCode,
      language: i % 4 === 3 ? 'en' : 'fr',
      region: 'montreal',
      contactEmail: `bench${i}@example.org`,
      autoAssign: true,
    });
    partners.push((await gateway.post<IssuedCredentialView>('/v1/credentials', adminKey, { role: 'partner', memberId: member.id, label: 'bench partner' })).key);
  }
  return partners;
}

async function assignmentBurst(gateway: Gateway, partners: string[], env: NodeJS.ProcessEnv, options: Options & { replicas: number }, random: SeededRandom) {
  const bodies = Array.from({ length: options.burst }, () => randomRequest(random));

  // Closed loop: each of `concurrency` partners submits a request, waits until it is assigned or
  // unmatched, then submits the next; so `concurrency` requests are in the system at any time and
  // the latency is the system's, not the length of a queue the client built up.
  const sentAt = new Map<string, number>();
  const finishedAt = new Map<string, { at: number; outcome: 'assigned' | 'unmatched' }>();
  const early = new Map<string, { at: number; outcome: 'assigned' | 'unmatched' }>();
  const waiting = new Map<string, () => void>();
  const nc = await connectNats({ servers: env.NATS_URL });
  const listen = (subject: string, outcome: 'assigned' | 'unmatched') =>
    nc.subscribe(namespacedSubject(env.NATS_NAMESPACE!, subject), {
      callback: (error, message) => {
        if (error) return;
        const { requestId } = (message.json() as EventEnvelope<{ requestId: string }>).data;
        if (finishedAt.has(requestId) || early.has(requestId)) return;
        const end = { at: performance.now(), outcome };
        // An event can arrive before the submit's answer does.
        if (!sentAt.has(requestId)) return void early.set(requestId, end);
        finishedAt.set(requestId, end);
        waiting.get(requestId)?.();
      },
    });
  listen(RequestEvents.assigned.subject, 'assigned');
  listen(RequestEvents.unmatched.subject, 'unmatched');
  await nc.flush();

  let next = 0;
  const firstSubmit = performance.now();
  const submitter = async (): Promise<void> => {
    while (next < bodies.length) {
      const i = next;
      next += 1;
      const started = performance.now();
      const { id } = await gateway.post<{ id: string }>('/v1/requests', partners[i % partners.length], bodies[i], 202);
      sentAt.set(id, started);
      const already = early.get(id);
      if (already) {
        finishedAt.set(id, already);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, REQUEST_TIMEOUT_MS);
        waiting.set(id, () => (clearTimeout(timer), resolve()));
      });
      waiting.delete(id);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, submitter));
  await nc.close();

  const ends = [...finishedAt.values()];
  const lastEnd = Math.max(...ends.map((end) => end.at));
  const latencies = [...finishedAt.entries()].map(([id, end]) => end.at - sentAt.get(id)!);
  const latency: Percentiles = percentiles(latencies);
  return {
    submitted: bodies.length,
    concurrency: options.concurrency,
    matchingReplicas: options.replicas,
    assigned: ends.filter((end) => end.outcome === 'assigned').length,
    unmatched: ends.filter((end) => end.outcome === 'unmatched').length,
    notTerminal: bodies.length - finishedAt.size,
    totalSeconds: Number(((lastEnd - firstSubmit) / 1000).toFixed(2)),
    requestsPerSecond: Number(((finishedAt.size * 1000) / (lastEnd - firstSubmit)).toFixed(1)),
    latencyMs: latency,
  };
}

function randomRequest(random: SeededRandom): SubmitServiceRequestBody {
  const domain = random.pick(EXPERTISE_DOMAIN_CODES);
  const start = random.int(7, 90);
  const days = random.int(4, 30);
  const workingDays = Math.max(1, Math.floor((days * 5) / 7) - 1);
  return {
    domain,
    // The need in the title, as a partner's request would name it, so that text relevance has
    // keywords to find (a title "Bench request in …" once left (d) without any: docs/benchmarks.md).
    title: words(random, domain),
    description: `Besoin d'aide: ${words(random, domain)}`,
    startDate: dayInDays(start),
    endDate: dayInDays(start + days),
    estimatedHours: random.int(4, Math.min(80, workingDays * 6)),
    urgency: random.pick(['low', 'normal', 'high', 'critical'] as const),
  };
}

/** Counted in the databases themselves, independently of what the services answered. */
async function checkInvariants(pool: pg.Pool) {
  const overbooked = await pool.query<{ count: string }>(`
    SELECT count(*) FROM professionals.availability_week aw
    LEFT JOIN (SELECT b.professional_id, bw.week_start, sum(bw.hours) AS hours
               FROM professionals.booking_week bw JOIN professionals.booking b USING (assignment_id)
               GROUP BY 1, 2) booked
      ON booked.professional_id = aw.professional_id AND booked.week_start = aw.week_start
    WHERE aw.booked_hours > aw.capacity_hours OR coalesce(booked.hours, 0) > aw.capacity_hours`);
  const doubled = await pool.query<{ count: string }>(`
    SELECT count(*) FROM (SELECT request_id FROM matching.assignment WHERE status = 'active' GROUP BY request_id HAVING count(DISTINCT coalesce(share_id, id)) > 1 OR count(*) > count(DISTINCT professional_id)) twice`);
  const bookedWeeks = await pool.query<{ count: string }>(`SELECT count(*) FROM professionals.availability_week WHERE booked_hours > 0`);
  return {
    overbookedWeeks: Number(overbooked.rows[0].count),
    requestsWithTwoActiveAssignments: Number(doubled.rows[0].count),
    bookedWeeksChecked: Number(bookedWeeks.rows[0].count),
  };
}

// --- whose CPU is read -----------------------------------------------------------------------

/** Every process of the run by name (a second replica as matching-2), the engines it started, and itself. */
function processesOf(services: ManagedProcess[], env: NodeJS.ProcessEnv): Record<string, number | undefined> {
  const pids: Record<string, number | undefined> = {};
  for (const service of services) {
    let name: string = service.name;
    for (let replica = 2; name in pids; replica += 1) name = `${service.name}-${replica}`;
    pids[name] = service.pid;
  }
  pids.meilisearch = meilisearchPid(env.MEILI_URL!);
  const natsPort = new URL(env.NATS_URL!.replace(/^nats:/, 'http:')).port;
  // Only a NATS server this run started is its own: the machine's serves other work too.
  if (process.env.COOP_SPAWN_NATS === '1') pids.nats = findPid('nats-server', ['-p', natsPort]);
  pids['load generator'] = process.pid;
  return pids;
}

function total(byComponent: Record<string, number>, ...leaveOut: string[]): number {
  return Number(
    Object.entries(byComponent)
      .filter(([name]) => !leaveOut.includes(name))
      .reduce((sum, [, ms]) => sum + ms, 0)
      .toFixed(1),
  );
}

// --- the table -------------------------------------------------------------------------------

/** `matching 5.8, gateway 2.3, …`: each component's ms, as given or to `digits` decimals. */
function describeCpu(byComponent: Record<string, number>, digits?: number): string {
  return Object.entries(byComponent)
    .map(([name, ms]) => `${name} ${digits === undefined ? ms : ms.toFixed(digits)}`)
    .join(', ');
}

function ratio(x: number, y: number): number {
  return Number((x / y).toFixed(2));
}

function printTable(results: Awaited<ReturnType<typeof measure>>): void {
  const row = (name: string, p: Percentiles) => `| ${name.padEnd(44)} | ${[p.p50, p.p95, p.p99].map((n) => n.toFixed(2).padStart(7)).join(' | ')} |`;
  const { a_gatewayMatchSearchMs: a, b_meilisearchDirectMs: b, c_postgresBaselineMs: c, d_autoAssignment: bursts, e_rankingQuality: e, f_nearestFits: f, machine: m } = results;
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  const latencies = [
    ...(a ? [row('(a) POST /v1/matches/search via the gateway', a)] : []),
    ...(b ? [row('(b) its Meilisearch searches as one, direct', b), row('(b) Meilisearch processingTimeMs', results.b_meilisearchProcessingTimeMs!)] : []),
    ...(c ? [row('(c) baseline: one SQL query in Postgres', c)] : []),
  ];
  const ratios = Object.entries(results.ratios).map(([name, value]) => `${name} ${value}`);
  console.log(
    [
      '',
      `Matching benchmark: ${results.professionals} professionals, phases ${results.phases.join(', ')}; ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; ` +
        `load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.loadAverage.join(' / ')} at the end (1, 5, 15 min)`,
      '',
      ...(latencies.length > 0 ? [`| ${'ms'.padEnd(44)} |     p50 |     p95 |     p99 |`, `|${'-'.repeat(46)}|--------:|--------:|--------:|`, ...latencies, ''] : []),
      ...(ratios.length > 0 ? [ratios.join('   '), ''] : []),
      ...(results.a_cpuMsPerMatchSearch
        ? [
            `(a) CPU ms per match search (/proc, one search at a time): ${describeCpu(results.a_cpuMsPerMatchSearch)}; ` +
              `total ${total(results.a_cpuMsPerMatchSearch, 'load generator')} without the load generator`,
            '',
          ]
        : []),
      ...(results.retrievalPerQuery
        ? [`retrieval per match search: ${results.retrievalPerQuery.rounds} rounds, ${results.retrievalPerQuery.listPages} list pages, ${results.retrievalPerQuery.hits} hits`, '']
        : []),
      ...(bursts ?? []).flatMap((d) => [
        `(d) ${d.submitted} requests, ${d.concurrency} in flight at a time, ${d.matchingReplicas} matching replica(s): ${d.requestsPerSecond} requests/s to assigned or unmatched ` +
          `(${d.assigned} assigned, ${d.unmatched} unmatched, ${d.notTerminal} not terminal), latency p50 ${d.latencyMs.p50} ms, p95 ${d.latencyMs.p95} ms`,
        `    violations: ${d.violations.overbookedWeeks} overbooked weeks (of ${d.violations.bookedWeeksChecked} booked), ${d.violations.requestsWithTwoActiveAssignments} requests with two active assignments`,
        `    CPU ms per automatic assignment (/proc, ${d.cpu.seconds} s, ${d.cpu.coresBusy} cores busy): ${describeCpu(d.cpuMsPerAssignment)}`,
        `    total ${total(d.cpuMsPerAssignment, 'load generator')} without the load generator, ${total(d.cpuMsPerAssignment)} with it; ` +
          `Postgres's background processes (checkpointer, WAL writer...; shared with the server's other databases, if any) ${per(d.cpu.postgresSharedBackground, d.assigned + d.unmatched)} more` +
          (d.cpuMsPerAssignment.nats === undefined ? '; NATS not counted (the machine’s server, shared)' : ''),
        `    Meilisearch multi-searches per automatic assignment: ${d.multiSearchesPerAssignment} (its own request counter); Postgres statements: ` +
          (d.statementsPerAssignment === null ? 'not counted (the server does not load pg_stat_statements)' : `${d.statementsPerAssignment} (pg_stat_statements; BEGIN and COMMIT included)`) +
          '; NATS messages sent to the server: ' +
          (d.natsMessagesPerAssignment === null ? 'not counted (the machine’s server, shared)' : `${d.natsMessagesPerAssignment} (its /varz)`),
        '',
      ]),
      ...(e
        ? [
            `(e) ${e.queries} queries, each top 10 compared with the exhaustive ranking (every eligible professional, same factors, exact availability):`,
            '',
            '| ranking | search p50 ms | p95 ms | same best | same top 10 | top-10 overlap | best score lower by (mean / max) |',
            '|---|--:|--:|--:|--:|--:|--:|',
            `| two stages (default) | ${e.twoStageMs.p50} | ${e.twoStageMs.p95} | ${percent(e.sameBest)} | ${percent(e.sameTop10)} | ${percent(e.top10Overlap)} | ${e.bestScoreGap.mean} / ${e.bestScoreGap.max} |`,
            `| exhaustive | ${e.exhaustiveMs.p50} | ${e.exhaustiveMs.p95} | | | | |`,
            '',
          ]
        : []),
      ...(f ? [...nearestFitsTable(f), ''] : []),
      `targets: ${Object.entries(results.targets)
        .map(([name, met]) => `${name} ${met ? 'met' : 'NOT met'}`)
        .join(', ')}`,
      '',
    ].join('\n'),
  );
}

function nearestFitsTable(f: Awaited<ReturnType<typeof nearestFitsCost>>): string[] {
  const { search, unmatchedRequests: u } = f;
  const found = Object.entries(search.fitsFound)
    .filter(([name]) => name !== 'meanSuggestions')
    .map(([kind, share]) => `${kind} ${(share * 100).toFixed(0)} %`)
    .join(', ');
  return [
    `(f) nearest fits, ${f.queries} searches nobody can take (8 h a working day), one at a time through the gateway:`,
    '',
    '| POST /v1/matches/search | p50 ms | p95 ms | p99 ms | multi-searches per query | availability calls per query | CPU ms per query (all processes read) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    `| without nearestFits | ${search.withoutMs.p50} | ${search.withoutMs.p95} | ${search.withoutMs.p99} | ${search.without.multiSearches} | ${search.without.availabilityCalls} | ${total(search.cpuMsPerQuery.without).toFixed(1)} |`,
    `| with nearestFits | ${search.withMs.p50} | ${search.withMs.p95} | ${search.withMs.p99} | ${search.with.multiSearches} | ${search.with.availabilityCalls} | ${total(search.cpuMsPerQuery.with).toFixed(1)} |`,
    '',
    `    with/without p50 ${search.p50Ratio}; CPU ms per query without: ${describeCpu(search.cpuMsPerQuery.without, 1)}`,
    `    with: ${describeCpu(search.cpuMsPerQuery.with, 1)}`,
    `    queries with a fit of each kind: ${found}; ${search.fitsFound.meanSuggestions} fits per query on average`,
    `    ${u.submitted} such requests through automatic assignment: ${u.unmatched} unmatched, submit to request.unmatched p50 ${u.latencyMs.p50} ms, p95 ${u.latencyMs.p95} ms; ` +
      `${u.perRequest.multiSearches} multi-searches and ${u.perRequest.availabilityCalls} availability calls per request (fitting-only search, everyone, nearest fits)`,
  ];
}

runCommand('bench', main);
