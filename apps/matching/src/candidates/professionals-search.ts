import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  freeHoursField,
  keywordRelevance,
  mondayOf,
  parseDay,
  professionalsIndexName,
  ProfessionalSearchDocument,
  SEARCH_HORIZON_WEEKS,
  today,
  weeksOf,
  workingDaysBetween,
} from '@coop/contracts';
import { MatchingConfig } from '../config.js';
import { allOf, quote } from './index-filters.js';
import { MultiSearchClient } from './multi-search-client.js';
import { MatchContext } from '../ranking/candidate-facts.js';
import { type ListHit, type ListRead, profileScoreOf } from './threshold-retrieval.js';

/** What ranking reads of a candidate, with the keywords their text relevance is computed from. */
const CANDIDATE_FIELDS: Array<keyof ProfessionalSearchDocument> = [
  'id',
  'fullName',
  'domains',
  'domainLevels',
  'domainYears',
  'profileScores',
  'languages',
  'region',
  'coopSectors',
  'coopYears',
  'coopMandates',
  'costRate',
  'active',
  'keywords',
  'skillKeywordCount',
];

/** The deepest retrieval reads a list before it says its top may not be exact (far beyond any need). */
export const MAX_DEPTH = 5_000;
/** Page of the exhaustive reading (tools only). */
const EVERYONE_PAGE = 1_000;

/**
 * The professionals index (owned by the professionals service) as matching reads it: lists of a
 * set by profile score (threshold-retrieval.ts), in one multi-search per round; the nearest fits'
 * search; and, for tools, everyone of a set.
 */
@Injectable()
export class ProfessionalsSearch implements OnApplicationShutdown {
  private readonly client: MultiSearchClient;
  private readonly index: string;
  readonly timeZone: string;

  constructor(@Inject(MatchingConfig) config: MatchingConfig) {
    this.client = new MultiSearchClient(config.MEILI_URL, config.MEILI_MASTER_KEY);
    this.index = professionalsIndexName(config.MEILI_INDEX_PREFIX);
    this.timeZone = config.TIME_ZONE;
  }

  onApplicationShutdown(): Promise<void> {
    return this.client.close();
  }

  /** Pages of lists by profileScores.<domain>, best first, in one multi-search, with each hit's relevance to `keywords`. */
  async read(domain: string, reads: ListRead[], keywords: string[]): Promise<ListHit[][]> {
    if (reads.length === 0) return [];
    const queries = listQueries(this.index, domain, reads);
    return listHits(await this.client.search<ProfessionalSearchDocument>(queries), keywords);
  }

  /** In-domain professionals the hard constraints exclude (inactive, other language), up to 50, with their relevance. */
  async excluded(context: MatchContext, keywords: string[]): Promise<ListHit[]> {
    const filter = `${inDomainFilter(context)} AND (active = false OR languages != ${quote(context.language)})`;
    return this.hits([candidateQuery(this.index, filter, 50)], keywords);
  }

  /**
   * Everyone of `filter` with their relevance to `keywords` (tools only: the exhaustive ranking the
   * benchmark and the tests compare retrieval with), read by profile score a page at a time (each
   * page starts below the last score read, whose professionals are read whole).
   */
  async everyone(domain: string, filter: string, keywords: string[]): Promise<ListHit[]> {
    const all = new Map<string, ListHit>();
    const page = async (pageFilter: string, limit: number) => (await this.read(domain, [{ filter: pageFilter, offset: 0, limit }], keywords))[0];
    let below: number | undefined;
    for (;;) {
      const hits = await page(below === undefined ? filter : `${filter} AND profileScores.${domain} < ${below}`, EVERYONE_PAGE);
      const last = hits.length === EVERYONE_PAGE ? profileScoreOf(hits[hits.length - 1].document, domain) : undefined;
      const keep = last === undefined ? hits : hits.filter((hit) => profileScoreOf(hit.document, domain) !== last);
      if (last !== undefined) keep.push(...(await page(`${filter} AND profileScores.${domain} = ${last}`, MAX_DEPTH)));
      for (const hit of keep) all.set(hit.document.id, hit);
      if (last === undefined) break;
      below = last;
    }
    return [...all.values()];
  }

  /** Nearest fits: professionals the ranking's search could not see (one multi-search). */
  async nearby(context: MatchContext, keywords: string[], sets: NearbySets): Promise<ListHit[]> {
    return this.hits(nearbyQueries(this.index, context, sets, this.timeZone), keywords);
  }

  /** Everyone the queries return, once each, in order, with their relevance. */
  private async hits(queries: CandidateQuery[], keywords: string[]): Promise<ListHit[]> {
    const hits = new Map<string, ListHit>();
    for (const page of listHits(await this.client.search<ProfessionalSearchDocument>(queries), keywords)) {
      for (const hit of page) if (!hits.has(hit.document.id)) hits.set(hit.document.id, hit);
    }
    return [...hits.values()];
  }
}

export interface CandidateQuery {
  indexUid: string;
  filter: string;
  limit: number;
  offset?: number;
  sort?: string[];
  attributesToRetrieve: string[];
}

function candidateQuery(indexUid: string, filter: string, limit: number): CandidateQuery {
  return { indexUid, filter, limit, attributesToRetrieve: CANDIDATE_FIELDS as string[] };
}

/** The Meilisearch queries of list pages (exported so the benchmark sends exactly the same searches). */
export function listQueries(indexUid: string, domain: string, reads: ListRead[]): CandidateQuery[] {
  return reads.map(({ filter, minProfileScore, offset, limit }) => ({
    indexUid,
    filter: withProfileFloor(filter, domain, minProfileScore),
    sort: [`profileScores.${domain}:desc`],
    offset,
    limit,
    attributesToRetrieve: CANDIDATE_FIELDS as string[],
  }));
}

/**
 * The list's filter, narrowed to profile scores of at least `floor` when it excludes someone
 * (scores are not negative). Written a little below it, in plain decimals: a lower floor only
 * reads more.
 */
function withProfileFloor(filter: string, domain: string, floor: number | undefined): string {
  if (floor === undefined || floor <= 0) return filter;
  const atLeast = `profileScores.${domain} >= ${(Math.floor(floor * 1e6) / 1e6).toFixed(6)}`;
  return allOf(filter, atLeast);
}

/** The hits of list pages, each with its relevance to `keywords`. */
export function listHits(results: Array<{ hits: ProfessionalSearchDocument[] }>, keywords: string[]): ListHit[][] {
  const request = new Set(keywords);
  return results.map((result) => result.hits.map((document) => ({ document, relevance: keywordRelevance(request, document) })));
}

/** The filters of those who hold some of the keywords, and of those who hold none (for splitting a set into streams). */
export function splitByKeywords(keywords: string[]): [string, string] {
  const holding = `keywords IN [${keywords.map(quote).join(', ')}]`;
  return [holding, `NOT ${holding}`];
}

/** The filters of the sets matching ranks: in the domain; eligible (active, speaking the language); free for the window as the index sees it. */
export interface SetFilters {
  eligible: string;
  fits: string;
  weeks: string[];
}

export function setFilters(context: MatchContext, timeZone: string): SetFilters {
  const eligible = `${inDomainFilter(context)} AND active = true AND languages = ${quote(context.language)}`;
  const weeks = weeklyCapacityFilters(context, timeZone);
  return { eligible, fits: allOf(eligible, ...weeks), weeks };
}

function inDomainFilter(context: Pick<MatchContext, 'domain'>): string {
  return `domains = ${quote(context.domain)}`;
}

/** The filter of a value in a field, and of its absence (for splitting a set into streams). */
export function splitBy(field: string, value: string): [string, string] {
  return [`${field} = ${quote(value)}`, `NOT ${field} = ${quote(value)}`];
}

/** What the nearest fits ask the index for, each set up to `limit`. */
export interface NearbySets {
  limit: number;
  /** Changed windows: those free for the whole of one of them, in the request's language. */
  windows: ReadonlyArray<Pick<MatchContext, 'startDate' | 'endDate'>>;
}

/**
 * The one multi-search of the nearest fits: the active in-domain professionals who do not speak
 * the request's language but are free for its whole window, and those who speak it and are free
 * for the whole of a changed window.
 */
export function nearbyQueries(indexUid: string, context: MatchContext, { limit, windows }: NearbySets, timeZone: string): CandidateQuery[] {
  const active = `domains = ${quote(context.domain)} AND active = true`;
  const freeOver = (window: Pick<MatchContext, 'startDate' | 'endDate'>) => weeklyCapacityFilters({ ...window, estimatedHours: context.estimatedHours }, timeZone);
  return [
    allOf(`${active} AND languages != ${quote(context.language)}`, ...freeOver(context)),
    ...windows.map((window) => allOf(`${active} AND languages = ${quote(context.language)}`, ...freeOver(window))),
  ].map((filter) => candidateQuery(indexUid, filter, limit));
}

/**
 * For each ISO week of the window inside the index's horizon: free hours at least that week's
 * share of the request (bookings are spread evenly over the window's working days). A week
 * outside the horizon has no field in the index, so it is left to the exact check.
 */
export function weeklyCapacityFilters(
  context: Pick<MatchContext, 'startDate' | 'endDate' | 'estimatedHours'>,
  timeZone: string,
  now: Date = new Date(),
): string[] {
  const start = parseDay(context.startDate);
  const end = parseDay(context.endDate);
  const workingDays = workingDaysBetween(start, end);
  // The same "this week" as the professionals service that wrote the fields.
  const horizonStart = mondayOf(today(timeZone, now));
  const horizonEnd = horizonStart + SEARCH_HORIZON_WEEKS * 7;
  const filters: string[] = [];
  for (const monday of weeksOf(start, end)) {
    if (monday < horizonStart || monday >= horizonEnd) continue;
    const daysInWeek = workingDays.filter((day) => day >= monday && day < monday + 7).length;
    // Rounded down to the hundredth: the index is a pre-filter and must not drop a fit.
    const share = Math.floor(((context.estimatedHours * daysInWeek) / workingDays.length) * 100) / 100;
    if (share > 0) filters.push(`freeHours.${freeHoursField(monday)} >= ${share}`);
  }
  return filters;
}
