import { Inject, Injectable } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import {
  freeHoursField,
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
import { MatchContext } from '../ranking/candidate-facts.js';

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
  'languages',
  'region',
  'coopSectors',
  'coopYears',
  'coopMandates',
  'costRate',
  'active',
];

/**
 * Stage one of matching: the professionals index (owned by the professionals service) retrieves
 * candidates by text relevance with the hard filters it can apply. One multi-search asks for the
 * professionals free for the whole window (per-week free hours in the index), and as asked a wider
 * set that includes the partially free and the in-domain professionals the constraints exclude.
 */
@Injectable()
export class ProfessionalsSearch {
  private readonly client: Meilisearch;
  private readonly index: string;
  private readonly timeZone: string;

  constructor(@Inject(MatchingConfig) config: MatchingConfig) {
    this.client = new Meilisearch({
      host: config.MEILI_URL,
      apiKey: config.MEILI_MASTER_KEY,
      // Meilisearch sits next to the service: compressing its answers (up to a few hundred hits per
      // match) only costs CPU on both sides (see tools/bench/matching.ts).
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    });
    this.index = professionalsIndexName(config.MEILI_INDEX_PREFIX);
    this.timeZone = config.TIME_ZONE;
  }

  async candidates(context: MatchContext, text: string, sets: CandidateSets): Promise<SearchHit[]> {
    return this.hits(candidateQueries(this.index, context, text, sets, this.timeZone), text);
  }

  /** Nearest fits: professionals the ranking's search could not see (one multi-search). */
  async nearby(context: MatchContext, text: string, sets: NearbySets): Promise<SearchHit[]> {
    return this.hits(nearbyQueries(this.index, context, text, sets, this.timeZone), text);
  }

  private async hits(queries: CandidateQuery[], text: string): Promise<SearchHit[]> {
    const textual = text.trim().length > 0;
    const { results } = await this.client.multiSearch<{ queries: typeof queries }, ProfessionalSearchDocument>({ queries });
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

/** Which sets one multi-search asks for: always those free for the whole window (up to `limit`). */
export interface CandidateSets {
  limit: number;
  /** Also the partly free (a quarter of `limit`, at least 10). */
  includePartial: boolean;
  /** Also the in-domain professionals the constraints exclude (inactive, other language; up to 50). */
  includeExcluded: boolean;
}

export interface CandidateQuery {
  indexUid: string;
  q: string;
  filter: string;
  limit: number;
  attributesToRetrieve: string[];
  showRankingScore: true;
}

/** The multi-search of stage one (exported so the benchmark issues exactly the same searches). */
export function candidateQueries(
  indexUid: string,
  context: MatchContext,
  text: string,
  { limit, includePartial, includeExcluded }: CandidateSets,
  timeZone: string,
): CandidateQuery[] {
  const inDomain = `domains = ${quote(context.domain)}`;
  const eligible = `${inDomain} AND active = true AND languages = ${quote(context.language)}`;
  const fits = [eligible, ...weeklyCapacityFilters(context, timeZone)].join(' AND ');
  const partialLimit = Math.max(10, Math.ceil(limit / 4));
  return withAndWithoutText(
    [
      { filter: fits, limit },
      ...(includePartial ? [{ filter: eligible, limit: partialLimit }] : []),
      ...(includeExcluded ? [{ filter: `${inDomain} AND (active = false OR languages != ${quote(context.language)})`, limit: 50 }] : []),
    ],
    indexUid,
    text,
  );
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
