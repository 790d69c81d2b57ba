import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Min } from 'class-validator';
import { EXPERTISE_DOMAIN_CODES, type ExpertiseDomainCode } from '../taxonomy/expertise-domains.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';
import { URGENCY_LEVELS, type Urgency } from '../taxonomy/urgency.js';

/** Dates of a request window are calendar days, `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a request asks for, once the member's defaults are applied: the fields every service's copy
 * of a request holds (members' `service_request`, matching's `match_request`, the events between
 * them). Declared here once; each hop copies them with `termsOf`, never field by field.
 */
export class RequestTerms {
  @IsIn(EXPERTISE_DOMAIN_CODES) domain: ExpertiseDomainCode;
  @IsString() title: string;
  @IsString() description: string;
  @Matches(DATE_PATTERN) startDate: string;
  @Matches(DATE_PATTERN) endDate: string;
  @IsNumber() @Min(0) estimatedHours: number;
  @IsIn(LANGUAGE_CODES) language: LanguageCode;
  /** Where on-site work happens (members always sets it; optional in events for their readers' sake). */
  @IsOptional() @IsString() region?: string;
  @IsBoolean() onSite: boolean;
  @IsIn(URGENCY_LEVELS) urgency: Urgency;
  /** The member's policy with the request's override applied: may matching assign on its own? */
  @IsBoolean() autoAssign: boolean;
}

/** The names of RequestTerms' fields; the check below fails to compile when one is missing. */
export const REQUEST_TERMS = [
  'domain',
  'title',
  'description',
  'startDate',
  'endDate',
  'estimatedHours',
  'language',
  'region',
  'onSite',
  'urgency',
  'autoAssign',
] as const satisfies ReadonlyArray<keyof RequestTerms>;

type Unlisted = Exclude<keyof RequestTerms, (typeof REQUEST_TERMS)[number]>;
const everyTermListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTermListed;

/** A stored copy of the terms: a column may hold null where a term is optional. */
export type StoredTerms = { [K in keyof RequestTerms]: undefined extends RequestTerms[K] ? RequestTerms[K] | null : RequestTerms[K] };

/** The terms copied from `S`: an optional term (one `S` may hold as null) may be absent. */
export type TermsFrom<S, K extends keyof RequestTerms> = { [P in K]: P extends keyof S ? (null extends S[P] ? NonNullable<S[P]> | undefined : S[P]) : never };

/**
 * Some of a request's terms (all of them by default), copied from any object that holds them (an
 * entity, an event, a command with its defaults applied); an optional term that is absent or null
 * is left out.
 */
export function termsOf<S extends Pick<StoredTerms, K>, K extends keyof RequestTerms = keyof RequestTerms>(
  source: S,
  keys: readonly K[] = REQUEST_TERMS as readonly (keyof RequestTerms)[] as readonly K[],
): TermsFrom<S, K> {
  const terms: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== null && value !== undefined) terms[key] = value;
  }
  return terms as TermsFrom<S, K>;
}
