import { isoWeekOf, type Day } from '../calendar/iso-week.js';
import type { ProfileKeywords } from '../matching/keywords.js';
import type { CoopSectorCode } from '../taxonomy/coop-sectors.js';
import type { ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import type { LanguageCode } from '../taxonomy/languages.js';

/** The Meilisearch index the professionals service owns and the matching service reads. */
export const PROFESSIONALS_INDEX = 'professionals';

/**
 * The index's pagination.maxTotalHits: the deepest a search reads. High, because the exhaustive
 * ranking (a tools-only reading) reads a domain's text list whole from its start.
 */
export const PROFESSIONALS_MAX_TOTAL_HITS = 200_000;

/** How many ISO weeks, from the current one, carry their free hours in the index. */
export const SEARCH_HORIZON_WEEKS = 26;

export function professionalsIndexName(prefix: string): string {
  return `${prefix}${PROFESSIONALS_INDEX}`;
}

/** Name of a week's field under `freeHours`: `w2026_48` for ISO week 2026-W48. */
export function freeHoursField(day: Day): string {
  const { year, week } = isoWeekOf(day);
  return `w${year}_${String(week).padStart(2, '0')}`;
}

/**
 * One professional in the `professionals` index (primary key `id`).
 *
 * Filterable: `id`, `domains`, `profileScores.<code>`, `languages`, `region`, `coopSectors`,
 * `coopYears`, `active`, `keywords`, `freeHours.<week>`, `freeHoursTotal` (the other fields are
 * for reading only: every filterable field is indexing work on each change). Sortable:
 * `profileScores.<code>`, `coopYears`, `freeHoursTotal`. Nothing is searchable: matching reads the
 * index by filter and sort only, and computes text relevance itself from `keywords` and
 * `skillKeywordCount` (keywordRelevance in the contracts). The profile's texts (skills, bio, domain
 * labels) are not kept: Meilisearch reads every field of a document for each hit it returns, and
 * nothing reads them from the index.
 *
 * `freeHours` holds one field per ISO week from `horizonStart` (the current week when indexed) for
 * SEARCH_HORIZON_WEEKS weeks, named by `freeHoursField`: whole-week capacity minus bookings. A week
 * outside the horizon has no field, and a filter on it matches nothing. Example, a request over
 * weeks 49 and 50 needing 10 hours in each:
 *
 *   active = true AND domains = legal AND languages = fr
 *     AND freeHours.w2026_49 >= 10 AND freeHours.w2026_50 >= 10
 *
 * The index is a pre-filter: exact availability comes from `professionals.availability.window.v1`.
 */
export interface ProfessionalSearchDocument extends ProfileKeywords {
  id: string;
  fullName: string;
  domains: ExpertiseDomainCode[];
  domainLevels: Partial<Record<ExpertiseDomainCode, number>>;
  domainYears: Partial<Record<ExpertiseDomainCode, number>>;
  /**
   * Per domain, the part of the ranking's score that depends on the profile alone (profileScore in
   * the contracts: domain level and years, co-op years and mandates). Matching's retrieval sorts by
   * `profileScores.<domain>`, so that it can stop once nobody further down can make the top.
   */
  profileScores: Partial<Record<ExpertiseDomainCode, number>>;
  /** Main language first. */
  languages: LanguageCode[];
  region: string;
  coopSectors: CoopSectorCode[];
  coopYears: number;
  coopMandates: number;
  weeklyCapacityHours: number;
  costRate: number;
  active: boolean;
  /** Monday (YYYY-MM-DD) of the first week in `freeHours`. */
  horizonStart: string;
  freeHours: Record<string, number>;
  /** Sum of `freeHours`. */
  freeHoursTotal: number;
}
