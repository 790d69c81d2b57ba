// (f) of the matching benchmark: what the nearest fits cost. Queries that nobody can take (8 h a
// working day, more than any weekly capacity) are sent through the gateway one at a time, each
// without and with `nearestFits` in turn; around each call the Meilisearch multi-searches (its own
// request counter), the availability batch calls (read off NATS) and the CPU of each process
// (/proc) are counted. Then requests of the same kind go through automatic
// assignment to `request.unmatched`, which always computes them, counted the same way.
import { connect as connectNats, type NatsConnection } from '@nats-io/transport-node';
import { readdirSync, readFileSync } from 'node:fs';
import { AvailabilityRpc, formatDay, isoDayOfWeek, type EventEnvelope, type MatchListView, type MatchSearchRequest, type NearestFitKind, NEAREST_FIT_KINDS, parseDay, RequestEvents, workingDaysBetween } from '@coop/contracts';
import { namespacedSubject } from '@coop/platform';
import { percentiles, type Percentiles } from './bench-stack.js';
import { MeiliCounter } from './meili-counter.js';
import { per, perUnit } from './per-unit.js';

/** Counted per query or request. */
export interface CallsPerUnit {
  multiSearches: number;
  availabilityCalls: number;
}

export interface NearestFitsBenchResult {
  queries: number;
  search: {
    withoutMs: Percentiles;
    withMs: Percentiles;
    p50Ratio: number;
    without: CallsPerUnit;
    with: CallsPerUnit;
    /** CPU ms per query of each process, without and with. */
    cpuMsPerQuery: { without: Record<string, number>; with: Record<string, number> };
    /** Share of queries with at least one fit of each kind, and the mean number of fits. */
    fitsFound: Record<NearestFitKind, number> & { meanSuggestions: number };
  };
  unmatchedRequests: { submitted: number; unmatched: number; latencyMs: Percentiles; perRequest: CallsPerUnit };
}

export interface BenchGateway {
  post<T = unknown>(path: string, key: string, body: object, expected?: number): Promise<T>;
}

export interface NearestFitsBenchSetup {
  gateway: BenchGateway;
  coordinatorKey: string;
  /** A partner of an auto-assign member. */
  partnerKey: string;
  env: NodeJS.ProcessEnv;
  /** Processes whose CPU is read, by name. */
  pids: Record<string, number | undefined>;
}

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The same query from a Monday, with at least that whole week, asking for 8 h a working day: 40 h
 * that first week, more than anyone's weekly capacity (at most 35 h), so nobody is available.
 */
export function beyondAnyone(query: MatchSearchRequest): MatchSearchRequest {
  const start = parseDay(query.startDate);
  const monday = start + ((8 - isoDayOfWeek(start)) % 7);
  const end = Math.max(parseDay(query.endDate), monday + 4);
  return { ...query, startDate: formatDay(monday), endDate: formatDay(end), hours: 8 * workingDaysBetween(monday, end).length };
}

export async function nearestFitsCost(setup: NearestFitsBenchSetup, queries: MatchSearchRequest[], requests: number): Promise<NearestFitsBenchResult> {
  const meili = new MeiliCounter(setup.env.MEILI_URL!, setup.env.MEILI_MASTER_KEY!);
  await meili.enable();
  const nc = await connectNats({ servers: setup.env.NATS_URL });
  // Availability calls of either kind: the ranking's window totals and the nearest fits' weeks.
  const availabilityCalls = countMessages(nc, [AvailabilityRpc.window, AvailabilityRpc.batch].map((rpc) => namespacedSubject(setup.env.NATS_NAMESPACE!, rpc.subject)));
  try {
    const modes = { without: new Pass(setup.pids), with: new Pass(setup.pids) };
    for (const [i, query] of queries.entries()) {
      // Each query both ways, in turn first, so both see the same load on this shared machine.
      for (const nearestFits of i % 2 === 0 ? [false, true] : [true, false]) {
        const searchesBefore = await meili.multiSearches();
        const callsBefore = availabilityCalls.count;
        const cpuBefore = cpuOf(setup.pids);
        const started = performance.now();
        const view = await setup.gateway.post<MatchListView>('/v1/matches/search', setup.coordinatorKey, { ...query, nearestFits }, 200);
        const took = performance.now() - started;
        const cpuAfter = cpuOf(setup.pids);
        await nc.flush(); // the batch requests seen before the answer are counted by now
        modes[nearestFits ? 'with' : 'without'].add(took, cpuBefore, cpuAfter, (await meili.multiSearches()) - searchesBefore, availabilityCalls.count - callsBefore, view);
      }
    }
    const unmatchedRequests = await unmatchedPath(setup, nc, meili, availabilityCalls, queries.slice(0, requests));
    const [without, withFits] = [modes.without.result(), modes.with.result()];
    return {
      queries: queries.length,
      search: {
        withoutMs: without.latency,
        withMs: withFits.latency,
        p50Ratio: Number((withFits.latency.p50 / without.latency.p50).toFixed(2)),
        without: without.calls,
        with: withFits.calls,
        cpuMsPerQuery: { without: without.cpuMs, with: withFits.cpuMs },
        fitsFound: fitsFound(modes.with.views),
      },
      unmatchedRequests,
    };
  } finally {
    await nc.close();
    await meili.restore();
  }
}

/** What one way of asking (with or without nearest fits) took, call by call. */
class Pass {
  readonly views: MatchListView[] = [];
  private readonly durations: number[] = [];
  private readonly cpu: Record<string, number>;
  private searches = 0;
  private availabilityCalls = 0;

  constructor(pids: Record<string, number | undefined>) {
    this.cpu = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  }

  add(took: number, cpuBefore: Record<string, number>, cpuAfter: Record<string, number>, searches: number, availabilityCalls: number, view: MatchListView): void {
    this.durations.push(took);
    for (const name of Object.keys(this.cpu)) this.cpu[name] += cpuAfter[name] - cpuBefore[name];
    this.searches += searches;
    this.availabilityCalls += availabilityCalls;
    this.views.push(view);
  }

  result() {
    const n = this.durations.length;
    return {
      latency: percentiles(this.durations),
      calls: { multiSearches: per(this.searches, n, 3), availabilityCalls: per(this.availabilityCalls, n, 3) },
      cpuMs: perUnit(this.cpu, n, 3),
    };
  }
}

/** Requests that nobody can take, one at a time, from submission to `request.unmatched`. */
async function unmatchedPath(setup: NearestFitsBenchSetup, nc: NatsConnection, meili: MeiliCounter, availabilityCalls: { count: number }, queries: MatchSearchRequest[]) {
  const outcomes = new Map<string, { at: number; type: 'assigned' | 'unmatched' }>();
  const waiting = new Map<string, () => void>();
  for (const [contract, type] of [
    [RequestEvents.unmatched, 'unmatched'],
    [RequestEvents.assigned, 'assigned'],
  ] as const) {
    nc.subscribe(namespacedSubject(setup.env.NATS_NAMESPACE!, contract.subject), {
      callback: (error, message) => {
        if (error) return;
        const { requestId } = (message.json() as EventEnvelope<{ requestId: string }>).data;
        outcomes.set(requestId, { at: performance.now(), type });
        waiting.get(requestId)?.();
      },
    });
  }
  await nc.flush();
  const [searchesBefore, callsBefore] = [await meili.multiSearches(), availabilityCalls.count];
  const latencies: number[] = [];
  let unmatched = 0;
  for (const query of queries) {
    const started = performance.now();
    const { id } = await setup.gateway.post<{ id: string }>(
      '/v1/requests',
      setup.partnerKey,
      { domain: query.domain, language: query.language, title: 'Bench: nobody can take it', description: query.text ?? 'Besoin', startDate: query.startDate, endDate: query.endDate, estimatedHours: query.hours },
      202,
    );
    if (!outcomes.has(id)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, REQUEST_TIMEOUT_MS);
        waiting.set(id, () => (clearTimeout(timer), resolve()));
      });
    }
    const outcome = outcomes.get(id);
    if (outcome) latencies.push(outcome.at - started);
    if (outcome?.type === 'unmatched') unmatched += 1;
  }
  await nc.flush();
  return {
    submitted: queries.length,
    unmatched,
    latencyMs: percentiles(latencies),
    perRequest: { multiSearches: per((await meili.multiSearches()) - searchesBefore, queries.length, 3), availabilityCalls: per(availabilityCalls.count - callsBefore, queries.length, 3) },
  };
}

function fitsFound(views: MatchListView[]): NearestFitsBenchResult['search']['fitsFound'] {
  const share = (kind: NearestFitKind) => per(views.filter((view) => view.nearestFits?.suggestions.some((s) => s.kind === kind)).length, views.length, 3);
  const total = views.reduce((sum, view) => sum + (view.nearestFits?.suggestions.length ?? 0), 0);
  return { ...(Object.fromEntries(NEAREST_FIT_KINDS.map((kind) => [kind, share(kind)])) as Record<NearestFitKind, number>), meanSuggestions: per(total, views.length, 3) };
}

/** Every message on these subjects (requests included: a plain subscriber sees them beside the queue group). */
function countMessages(nc: NatsConnection, subjects: string[]): { count: number } {
  const counter = { count: 0 };
  for (const subject of subjects) nc.subscribe(subject, { callback: () => void (counter.count += 1) });
  return counter;
}

/** CPU ms (user + system) used so far by each process, from /proc/<pid>/stat; 0 for one that is gone. */
function cpuOf(pids: Record<string, number | undefined>): Record<string, number> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  return Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [name, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond];
      } catch {
        return [name, 0];
      }
    }),
  );
}

/** The pid of the Meilisearch listening at `url` on this machine (to read its CPU), if one is found. */
export function meilisearchPid(url: string): number | undefined {
  const address = new URL(url).host;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (command[0]?.endsWith('meilisearch') && command.includes(address)) return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}
