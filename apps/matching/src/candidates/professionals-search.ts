import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  freeHoursField,
  mondayOf,
  parseDay,
  PROFESSIONALS_MAX_TOTAL_HITS,
  professionalsIndexName,
  ProfessionalSearchDocument,
  SEARCH_HORIZON_WEEKS,
  today,
  weeksOf,
  workingDaysBetween,
} from '@coop/contracts';
import { MatchingConfig } from '../config.js';
import { MultiSearchClient } from './multi-search-client.js';
import { MatchContext } from '../ranking/candidate-facts.js';
import { type ListHit, type ListRead, profileScoreOf } from './threshold-retrieval.js';

export interface SearchHit {
  document: ProfessionalSearchDocument;
  /** Meilisearch's ranking score for the text, 0..1. */
  relevance: number;
}

const FIELDS: Array<keyof ProfessionalSearchDocument> = [
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

  /** Pages of lists by profileScores.<domain>, best first, in one multi-search. */
  async read(domain: string, text: string, reads: ListRead[]): Promise<ListHit[][]> {
    if (reads.length === 0) return [];
    const queries = listQueries(this.index, domain, text, reads);
    const results = await this.client.search<ProfessionalSearchDocument>(queries);
    return results.map((result, i) =>
      result.hits.map((hit) => ({ document: hit as ProfessionalSearchDocument, relevance: queries[i].q !== '' ? (hit._rankingScore ?? 0) : 0 })),
    );
  }

  /** In-domain professionals the hard constraints exclude (inactive, other language), up to 50, with their relevance. */
  async excluded(context: MatchContext, text: string): Promise<SearchHit[]> {
    const filter = `${inDomainFilter(context)} AND (active = false OR languages != ${quote(context.language)})`;
    return this.hits(withAndWithoutText([{ filter, limit: 50 }], this.index, text), text);
  }

  /**
   * Everyone of `filter` (tools only: the exhaustive ranking the benchmark and the tests compare
   * retrieval with), read by profile score a page at a time (each page starts below the last score
   * read, whose professionals are read whole); and their relevance to `text` from the text list of
   * `textFilter` read whole from its start (retrieval reads it in pages by profile score: threshold-retrieval.ts).
   */
  async everyone(domain: string, filter: string, textFilter: string, text: string): Promise<SearchHit[]> {
    const all = new Map<string, SearchHit>();
    let below: number | undefined;
    for (;;) {
      const pageFilter = below === undefined ? filter : `${filter} AND profileScores.${domain} < ${below}`;
      const [page] = await this.read(domain, '', [{ list: { filter: pageFilter, textual: false }, offset: 0, limit: EVERYONE_PAGE }]);
      const last = page.length === EVERYONE_PAGE ? profileScoreOf(page[page.length - 1].document, domain) : undefined;
      const keep = last === undefined ? page : page.filter((hit) => profileScoreOf(hit.document, domain) !== last);
      if (last !== undefined) {
        const [group] = await this.read(domain, '', [{ list: { filter: `${filter} AND profileScores.${domain} = ${last}`, textual: false }, offset: 0, limit: MAX_DEPTH }]);
        keep.push(...group);
      }
      for (const hit of keep) all.set(hit.document.id, hit);
      if (last === undefined) break;
      below = last;
    }
    if (text.trim().length > 0) {
      const [matching] = await this.read(domain, text, [{ list: { filter: textFilter, textual: true }, offset: 0, limit: PROFESSIONALS_MAX_TOTAL_HITS }]);
      for (const hit of matching) {
        const known = all.get(hit.document.id);
        if (known) known.relevance = hit.relevance;
      }
    }
    return [...all.values()];
  }

  /** Nearest fits: professionals the ranking's search could not see (one multi-search). */
  async nearby(context: MatchContext, text: string, sets: NearbySets): Promise<SearchHit[]> {
    return this.hits(nearbyQueries(this.index, context, text, sets, this.timeZone), text);
  }

  private async hits(queries: CandidateQuery[], text: string): Promise<SearchHit[]> {
    const textual = text.trim().length > 0;
    const results = await this.client.search<ProfessionalSearchDocument>(queries);
    const hits = new Map<string, SearchHit>();
    results.forEach((result, i) => {
      const scored = textual && queries[i].q !== '';
      for (const hit of result.hits) {
        const relevance = scored ? (hit._rankingScore ?? 0) : 0;
        const known = hits.get(hit.id);
        if (!known || known.relevance < relevance) hits.set(hit.id, { document: hit as ProfessionalSearchDocument, relevance });
      }
    });
    return [...hits.values()];
  }
}

export interface CandidateQuery {
  indexUid: string;
  q: string;
  filter: string;
  limit: number;
  offset?: number;
  sort?: string[];
  attributesToRetrieve: string[];
  showRankingScore: true;
}

/** The Meilisearch queries of list pages (exported so the benchmark sends exactly the same searches). */
export function listQueries(indexUid: string, domain: string, text: string, reads: ListRead[]): CandidateQuery[] {
  return reads.map(({ list, offset, limit }) => ({
    indexUid,
    q: list.textual ? text : '',
    filter: list.filter,
    sort: [`profileScores.${domain}:desc`],
    offset,
    limit,
    // The text list only tells relevance: no need for whole documents (Meilisearch's cost and ours grow with them).
    attributesToRetrieve: list.textual ? TEXT_LIST_FIELDS : (FIELDS as string[]),
    showRankingScore: true,
  }));
}

const TEXT_LIST_FIELDS = ['id', 'profileScores'];

/** The filters of the sets matching ranks: in the domain; eligible (active, speaking the language); free for the window as the index sees it. */
export interface SetFilters {
  eligible: string;
  fits: string;
  weeks: string[];
}

export function setFilters(context: MatchContext, timeZone: string): SetFilters {
  const eligible = `${inDomainFilter(context)} AND active = true AND languages = ${quote(context.language)}`;
  const weeks = weeklyCapacityFilters(context, timeZone);
  return { eligible, fits: [eligible, ...weeks].join(' AND '), weeks };
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
 * for the whole of a changed window. Text ranks, as in candidateQueries.
 */
export function nearbyQueries(indexUid: string, context: MatchContext, text: string, { limit, windows }: NearbySets, timeZone: string): CandidateQuery[] {
  const active = `domains = ${quote(context.domain)} AND active = true`;
  const freeOver = (window: Pick<MatchContext, 'startDate' | 'endDate'>) => weeklyCapacityFilters({ ...window, estimatedHours: context.estimatedHours }, timeZone);
  return withAndWithoutText(
    [
      { filter: [`${active} AND languages != ${quote(context.language)}`, ...freeOver(context)].join(' AND '), limit },
      ...windows.map((window) => ({ filter: [`${active} AND languages = ${quote(context.language)}`, ...freeOver(window)].join(' AND '), limit })),
    ],
    indexUid,
    text,
  );
}

/**
 * Meilisearch drops documents matching none of the words, so text must not decide who is
 * retrieved: each set is also asked for without text, and only text hits carry relevance.
 */
function withAndWithoutText(sets: Array<{ filter: string; limit: number }>, indexUid: string, text: string): CandidateQuery[] {
  const query = (filter: string, setLimit: number, q: string): CandidateQuery => ({
    indexUid,
    q,
    filter,
    limit: setLimit,
    attributesToRetrieve: FIELDS as string[],
    showRankingScore: true,
  });
  const textual = text.trim().length > 0;
  return sets.flatMap((set) => [...(textual ? [query(set.filter, set.limit, text)] : []), query(set.filter, set.limit, '')]);
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

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
