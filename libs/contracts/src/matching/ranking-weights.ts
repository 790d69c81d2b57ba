/**
 * How much each soft factor counts in a candidate's score. Every factor value
 * is in [0, 1] and the weights sum to 1, so a score is in [0, 1]. All weights are positive, which is
 * what makes the dominance rule hold: better or equal on every factor and better on one means a
 * strictly higher score. Documented in docs/matching.md; change them here only.
 *
 * They live in the contracts because the professionals index holds, per domain, the part of the
 * score that does not depend on the request (profileScore below), which retrieval sorts by.
 */
export const RANKING_WEIGHTS = {
  /** Level (mostly) and years in the requested domain. */
  domainExpertise: 0.24,
  /** Has worked in the requesting member's co-op sector: the consortium's edge. */
  sectorExperience: 0.18,
  /** Years of co-op experience and number of co-op mandates. */
  coopExperience: 0.08,
  /** Past assignments for this member. */
  continuity: 0.08,
  /** Free hours over the window against the hours needed (headroom). */
  availability: 0.12,
  /** Share of capacity not yet booked over the window (spreads the work). */
  workloadBalance: 0.06,
  /** Same region as the request when the work is on site (neutral otherwise). */
  regionFit: 0.08,
  /** The request's keywords held in skills, domain labels and bio (keywordRelevance in keywords.ts). */
  textRelevance: 0.08,
  /** For high and critical requests: how much of the first week's share is free (neutral otherwise). */
  urgency: 0.08,
} as const;

// Saturation points: beyond them more is not better for the ranking.
const DOMAIN_YEARS_CAP = 15;
const COOP_YEARS_CAP = 20;
const MANDATES_CAP = 10;

/** The domainExpertise factor: level (mostly) and years in the domain, in [0, 1]. */
export function domainExpertiseValue(level: number, years: number): number {
  return 0.75 * ((clamp(level, 1, 5) - 1) / 4) + 0.25 * capped(years, DOMAIN_YEARS_CAP);
}

/** The coopExperience factor: co-op years and mandates, in [0, 1]. */
export function coopExperienceValue(years: number, mandates: number): number {
  return 0.7 * capped(years, COOP_YEARS_CAP) + 0.3 * capped(mandates, MANDATES_CAP);
}

/** The highest profileScore anyone can have. */
export const MAX_PROFILE_SCORE = RANKING_WEIGHTS.domainExpertise + RANKING_WEIGHTS.coopExperience;

/**
 * The weighted part of a score in a domain that depends on the profile alone (domain level and
 * years, co-op years and mandates), whatever the request: what the index sorts candidates by.
 */
export function profileScore(domain: { level: number; years: number }, coop: { years: number; mandates: number }): number {
  return RANKING_WEIGHTS.domainExpertise * domainExpertiseValue(domain.level, domain.years) + RANKING_WEIGHTS.coopExperience * coopExperienceValue(coop.years, coop.mandates);
}

function capped(value: number, cap: number): number {
  return clamp(value, 0, cap) / cap;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}
