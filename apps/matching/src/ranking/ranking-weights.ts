/**
 * How much each soft factor counts in a candidate's score. Every factor value
 * is in [0, 1] and the weights sum to 1, so a score is in [0, 1]. All weights are positive, which is
 * what makes the dominance rule hold: better or equal on every factor and better on one means a
 * strictly higher score. Documented in docs/matching.md; change them here only.
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
  /** How well skills and bio match the request's title and description (search relevance). */
  textRelevance: 0.08,
  /** For high and critical requests: how much of the first week's share is free (neutral otherwise). */
  urgency: 0.08,
} as const;

export type FactorName = keyof typeof RANKING_WEIGHTS;
export type RankingWeights = Record<FactorName, number>;
export type FactorValues = Record<FactorName, number>;

export const FACTOR_NAMES = Object.keys(RANKING_WEIGHTS) as FactorName[];
