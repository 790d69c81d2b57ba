import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AvailabilityRpc,
  BookingRpc,
  SharedBookingRpc,
  BookingSummaryPage,
  ExpertiseDomainCode,
  ListBookingsRequest,
  MAX_IDS_PER_CALL,
  parseDay,
  ProfessionalAvailability,
  ProfessionalRpc,
  ProfessionalSearchDocument,
  RANKING_WEIGHTS,
  RequestBooking,
  requestKeywords,
  ReserveRequest,
  weeksOf,
  WindowAvailabilitySummary,
} from '@coop/contracts';
import { logMs, msSince, RpcClient } from '@coop/platform';
import { MatchingConfig } from '../config.js';
import { MatchContext, WindowAvailability } from '../ranking/candidate-facts.js';
import { computeFactors } from '../ranking/factors.js';
import { exclusionReasons, shortfall } from '../ranking/hard-constraints.js';
import { weightedScore } from '../ranking/rank.js';
import { CandidateQuery, NearbyQuery, ProfessionalFacts, ProfessionalProfile, ProfessionalsPort } from './professionals.port.js';
import { allOf } from './index-filters.js';
import { MAX_DEPTH, ProfessionalsSearch, type SetFilters, setFilters, splitBy, splitByKeywords } from './professionals-search.js';
import { type ListHit, type RetrievalOutcome, type RetrievalPlan, type RetrievalSources, retrieveTop, type Retrieved, type Stream } from './threshold-retrieval.js';

/**
 * ProfessionalsPort over the real parts: candidates from the search index, then their exact
 * availability over the window from the professionals service (the index is only a pre-filter),
 * and bookings through its reserve/release commands.
 */
@Injectable()
export class ProfessionalsAdapter extends ProfessionalsPort {
  private readonly logger = new Logger(ProfessionalsAdapter.name);
  private readonly firstPage: number;

  constructor(
    private readonly search: ProfessionalsSearch,
    private readonly rpc: RpcClient,
    @Inject(MatchingConfig) config: MatchingConfig,
  ) {
    super();
    this.firstPage = config.MATCH_FIRST_PAGE;
  }

  async findCandidates(query: CandidateQuery): Promise<ProfessionalFacts[]> {
    const { context } = query;
    const keywords = requestKeywords(query.text);
    const filters = setFilters(context, this.search.timeZone);
    const windows = (ids: string[]) => windowsOf(this.rpc, ids, context);
    const [retrieved, excluded] = await Promise.all([
      query.exhaustive ? this.withAvailability(this.search.everyone(context.domain, filters.eligible, keywords), windows) : this.retrieve(filters, query, keywords, windows),
      query.includeExcluded ? this.withAvailability(this.search.excluded(context, keywords), windows) : [],
    ]);
    const found = [...retrieved, ...excluded].map(({ document, relevance, availability }) => ({ ...profileOf(document, relevance), availability }));
    return query.fittingSet && !query.exhaustive ? [...query.fittingSet, ...found] : found;
  }

  private async retrieve(filters: SetFilters, query: CandidateQuery, keywords: string[], windows: RetrievalSources['availability']): Promise<Retrieved[]> {
    // Time spent waiting on each part, for the debug line (where a match search's latency goes).
    const waited = { indexMs: 0, availabilityMs: 0 };
    const sources: RetrievalSources = {
      read: (reads) => timed(waited, 'indexMs', this.search.read(query.context.domain, reads, keywords)),
      availability: (ids) => timed(waited, 'availabilityMs', windows(ids)),
      rate: rater(query),
    };
    const started = performance.now();
    const outcome = await twoStageRetrieval(query, keywords, filters, sources, this.firstPage);
    this.logger.debug({ msg: 'retrieval', rounds: outcome.rounds, hits: outcome.hits, read: outcome.retrieved.length, exact: outcome.exact, ms: msSince(started), indexMs: logMs(waited.indexMs), availabilityMs: logMs(waited.availabilityMs) });
    return outcome.retrieved;
  }

  /** Those found (every eligible professional for tools, or those the hard constraints exclude), with their availability. */
  private async withAvailability(hits: Promise<ListHit[]>, windows: RetrievalSources['availability']): Promise<Retrieved[]> {
    const found = await hits;
    const availability = found.length > 0 ? await windows(found.map((hit) => hit.document.id)) : new Map<string, WindowAvailability>();
    return found.flatMap((hit) => {
      const window = availability.get(hit.document.id);
      return window ? [{ document: hit.document, relevance: hit.relevance, availability: window }] : [];
    });
  }

  async findNearby(query: NearbyQuery): Promise<ProfessionalProfile[]> {
    const hits = await this.search.nearby(query.context, requestKeywords(query.text), { limit: query.limit, windows: query.windows });
    return hits.map((hit) => profileOf(hit.document, hit.relevance));
  }

  availabilityOver(professionalIds: string[], window: Pick<MatchContext, 'startDate' | 'endDate'>): Promise<Map<string, ProfessionalAvailability>> {
    return this.availabilityOf(professionalIds, window);
  }

  async factsOf(professionalId: string, context: MatchContext): Promise<ProfessionalFacts | undefined> {
    const [profiles, availability] = await Promise.all([this.rpc.send(ProfessionalRpc.getMany, { ids: [professionalId] }), windowsOf(this.rpc, [professionalId], context)]);
    const profile = profiles.items[0];
    const window = availability.get(professionalId);
    if (!profile || !window) return undefined;
    return {
      professionalId: profile.id,
      fullName: profile.fullName,
      active: profile.active,
      languages: profile.languages,
      region: profile.region,
      domains: profile.domains,
      coopExperience: profile.coopExperience,
      costRate: profile.costRate,
      availability: window,
      textRelevance: 0,
    };
  }

  async reserve(booking: Required<ReserveRequest>): Promise<void> {
    await this.rpc.send(BookingRpc.reserve, booking);
  }

  async reserveShared(bookings: Array<Required<ReserveRequest>>): Promise<void> {
    await this.rpc.send(SharedBookingRpc, { bookings });
  }

  async bookingsOfRequest(requestId: string): Promise<RequestBooking[]> {
    return (await this.rpc.send(BookingRpc.ofRequest, { requestId })).items;
  }

  async release(assignmentId: string): Promise<void> {
    await this.rpc.send(BookingRpc.release, { assignmentId });
  }

  async endBooking(assignmentId: string, endDate: string): Promise<void> {
    await this.rpc.send(BookingRpc.end, { assignmentId, endDate });
  }

  listBookings(request: ListBookingsRequest): Promise<BookingSummaryPage> {
    return this.rpc.send(BookingRpc.list, request);
  }

  /** Week by week, in calls whose answers stay small (availabilityCallSize), sent at once. */
  private async availabilityOf(professionalIds: string[], context: Pick<MatchContext, 'startDate' | 'endDate'>): Promise<Map<string, ProfessionalAvailability>> {
    const items = await inCalls(professionalIds, availabilityCallSize(context.startDate, context.endDate), (chunk) =>
      this.rpc.send(AvailabilityRpc.batch, { professionalIds: chunk, startDate: context.startDate, endDate: context.endDate }),
    );
    return new Map(items.map((item) => [item.professionalId, item]));
  }
}

/**
 * The window of each professional as ranking takes it, from the professionals service's window
 * totals, in calls of at most MAX_IDS_PER_CALL sent at once (what retrieval asks on every round).
 */
export async function windowsOf(rpc: RpcClient, professionalIds: string[], context: Pick<MatchContext, 'startDate' | 'endDate' | 'estimatedHours'>): Promise<Map<string, WindowAvailability>> {
  const items = await inCalls(professionalIds, MAX_IDS_PER_CALL, (chunk) =>
    rpc.send(AvailabilityRpc.window, { professionalIds: chunk, startDate: context.startDate, endDate: context.endDate }),
  );
  return new Map(items.map((item) => [item.professionalId, windowAvailability(item, context)]));
}

/** Asks for the ids in calls of at most `size`, all at once; every answer's items, in the order asked. */
async function inCalls<Item>(ids: string[], size: number, call: (chunk: string[]) => Promise<{ items: Item[] }>): Promise<Item[]> {
  const calls: Array<Promise<{ items: Item[] }>> = [];
  for (let start = 0; start < ids.length; start += size) calls.push(call(ids.slice(start, start + size)));
  return (await Promise.all(calls)).flatMap((answer) => answer.items);
}

// One professional's availability in a batch answer: about 300 bytes, and 140 per week of the
// window (more with days off); a margin on both.
const SUMMARY_BYTES = 400;
const WEEK_BYTES = 200;
/** Well under NATS's default 1 MB message limit: an answer above it is never delivered. */
const ANSWER_BUDGET_BYTES = 256 * 1024;

/**
 * How many professionals one availability call may ask for over this window: the answer carries
 * every week of the window for each, so a year-long request fits far fewer per call than a week.
 */
export function availabilityCallSize(startDate: string, endDate: string): number {
  const weeks = weeksOf(parseDay(startDate), parseDay(endDate)).length;
  return Math.max(1, Math.min(MAX_IDS_PER_CALL, Math.floor(ANSWER_BUDGET_BYTES / (SUMMARY_BYTES + WEEK_BYTES * weeks))));
}

/**
 * How many professionals the first page holds per place of the top, when that is more than the
 * configured first page: a top 10 reads 60 at once. Proving a top of ten from a first page of 20
 * took a second round nine times in ten (an index call and an availability call more, one after
 * the other); from 60, one in three, for about as many hits in all (bench (a), side by side: p50 5
 * to 8 % lower, p95 10 %, CPU per search unchanged). The best alone keeps MATCH_FIRST_PAGE.
 */
export const FIRST_PAGE_PER_PLACE = 6;

/**
 * How retrieval splits the set: by the member's sector, for on-site work by the region, and by
 * whether a professional holds some of the request's keywords, each slice with the most the
 * sector, region and text factors give in it. The window's factors and a remote request's region
 * are the same most for everyone; continuity goes to professionals read whole.
 */
export function retrievalPlan(query: CandidateQuery, keywords: string[], setFilter: string, firstPage: number): RetrievalPlan {
  const { context } = query;
  const w = RANKING_WEIGHTS;
  let streams: Stream[] = [{ filter: '', bonus: 0 }];
  const split = ([inside, outside]: [string, string], bonus: number) => {
    streams = streams.flatMap((stream) => [
      { filter: allOf(stream.filter, inside), bonus: stream.bonus + bonus },
      { filter: allOf(stream.filter, outside), bonus: stream.bonus },
    ]);
  };
  if (context.memberSector) split(splitBy('coopSectors', context.memberSector), w.sectorExperience);
  if (context.onSite && context.region) split(splitBy('region', context.region), w.regionFit);
  if (keywords.length > 0) split(splitByKeywords(keywords), w.textRelevance);
  return {
    domain: context.domain,
    setFilter,
    streams,
    rest: w.availability + w.workloadBalance + w.urgency + (context.onSite ? 0 : w.regionFit),
    known: [...query.past.keys()],
    top: query.top,
    wanted: 'available',
    firstPage: Math.max(firstPage, query.top * FIRST_PAGE_PER_PLACE),
    maxDepth: MAX_DEPTH,
  };
}

/**
 * The exact top of the ranking (threshold-retrieval.ts): first among those the index sees free for
 * the whole window; when fewer than `top` of them are available (and the partly available are
 * wanted), the best of the others too. Exported for the benchmark, which replays its reads.
 */
export async function twoStageRetrieval(query: CandidateQuery, keywords: string[], filters: SetFilters, sources: RetrievalSources, firstPage: number) {
  const plan = retrievalPlan(query, keywords, filters.fits, firstPage);
  // Read whole before, nobody in it available (CandidateQuery.fittingSet): the caller holds them.
  const readBefore = new Set(query.fittingSet?.map((facts) => facts.professionalId));
  const fitting = query.fittingSet ? nothingRead() : await retrieveTop(plan, sources);
  const found = [...fitting.retrieved.values()];
  if (query.fittingOnly || fitting.available >= query.top || filters.weeks.length === 0) return { ...fitting, retrieved: found };
  // Whom the index shows short of hours some week is short (it may show more free hours than there
  // are, never fewer): their availability factor is below 0.5, which bounds them tighter.
  const partly = {
    ...plan,
    setFilter: `${filters.eligible} AND NOT (${filters.weeks.join(' AND ')})`,
    wanted: 'unavailable' as const,
    top: query.partialTop ?? query.top,
    rest: plan.rest - RANKING_WEIGHTS.availability / 2,
  };
  const others = await retrieveTop(partly, sources);
  return {
    retrieved: [...found, ...[...others.retrieved.values()].filter((r) => !fitting.retrieved.has(r.document.id) && !readBefore.has(r.document.id))],
    available: fitting.available + others.available,
    exact: fitting.exact && others.exact,
    rounds: fitting.rounds + others.rounds,
    hits: fitting.hits + others.hits,
  };
}

/** A fitting set read before (nobody in it available): nothing read now. */
function nothingRead(): RetrievalOutcome {
  return { retrieved: new Map(), available: 0, exact: true, rounds: 0, hits: 0 };
}

/** The ranking's own verdict on one professional (the same factors and constraints as rankCandidates). */
export function rater(query: CandidateQuery): RetrievalSources['rate'] {
  return (document, relevance, availability) => {
    const facts = { ...profileOf(document, relevance), availability, pastAssignmentsWithMember: query.past.get(document.id) ?? 0 };
    return {
      excluded: exclusionReasons(facts, query.context).length > 0,
      available: shortfall(facts, query.context) === undefined,
      score: weightedScore(computeFactors(facts, query.context), RANKING_WEIGHTS),
    };
  };
}

function profileOf(doc: ProfessionalSearchDocument, relevance: number): ProfessionalProfile {
  return {
    professionalId: doc.id,
    fullName: doc.fullName,
    active: doc.active,
    languages: doc.languages,
    region: doc.region,
    domains: doc.domains.map((code: ExpertiseDomainCode) => ({ code, level: doc.domainLevels[code] ?? 1, years: doc.domainYears[code] ?? 0 })),
    coopExperience: { years: doc.coopYears, sectors: doc.coopSectors, mandates: doc.coopMandates },
    costRate: doc.costRate,
    textRelevance: relevance,
  };
}

/**
 * The window as the ranking sees it. "Free" is what a booking over exactly this window could take
 * now (no week overbooked), which is what the availability hard constraint is about.
 */
export function windowAvailability(window: WindowAvailabilitySummary, context: Pick<MatchContext, 'estimatedHours'>): WindowAvailability {
  return {
    capacityHours: window.capacityHours,
    bookedHours: window.bookedHours,
    freeHours: window.maxReservableHours,
    timeOffHours: (window.timeOffDayCount * window.weeklyCapacityHours) / 5,
    firstWeekFreeHours: window.firstWeekFreeHours,
    firstWeekNeededHours: window.workingDays > 0 ? (context.estimatedHours * window.firstWeekWindowWorkingDays) / window.workingDays : 0,
  };
}

/** Adds how long `promise` took to settle to `into[key]`. */
async function timed<T, K extends string>(into: Record<K, number>, key: K, promise: Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await promise;
  } finally {
    into[key] += performance.now() - started;
  }
}
