import { roundCents } from '@coop/platform';
import { CandidateFacts, MatchContext } from './candidate-facts.js';
import { computeFactors } from './factors.js';
import { exclusionReasons, ExclusionReason, shortfall, ShortfallReason } from './hard-constraints.js';
import { FACTOR_NAMES, FactorValues, RANKING_WEIGHTS, RankingWeights } from './ranking-weights.js';

export interface ScoredCandidate {
  facts: CandidateFacts;
  rank: number;
  score: number;
  available: boolean;
  shortfall?: ShortfallReason;
  factors: FactorValues;
  estimatedCost: number;
}

export interface ExcludedCandidate {
  facts: CandidateFacts;
  reasons: ExclusionReason[];
}

export interface Ranking {
  candidates: ScoredCandidate[];
  excluded: ExcludedCandidate[];
}

/**
 * Orders candidates by the ranking's rules: hard constraints exclude; available
 * candidates come before partially available ones; then by score (weighted factors); ties by
 * professional id, so the same state always gives the same ranking.
 */
export function rankCandidates(all: readonly CandidateFacts[], context: MatchContext, weights: RankingWeights = RANKING_WEIGHTS): Ranking {
  const excluded: ExcludedCandidate[] = [];
  const scored: Omit<ScoredCandidate, 'rank'>[] = [];
  for (const facts of all) {
    const reasons = exclusionReasons(facts, context);
    if (reasons.length > 0) {
      excluded.push({ facts, reasons });
      continue;
    }
    const factors = computeFactors(facts, context);
    const missing = shortfall(facts, context);
    scored.push({
      facts,
      score: weightedScore(factors, weights),
      available: missing === undefined,
      ...(missing ? { shortfall: missing } : {}),
      factors,
      estimatedCost: roundCents(context.estimatedHours * facts.costRate),
    });
  }
  scored.sort(
    (a, b) =>
      Number(b.available) - Number(a.available) ||
      b.score - a.score ||
      compareIds(a.facts.professionalId, b.facts.professionalId),
  );
  excluded.sort((a, b) => compareIds(a.facts.professionalId, b.facts.professionalId));
  return { candidates: scored.map((candidate, index) => ({ ...candidate, rank: index + 1 })), excluded };
}

export function weightedScore(factors: FactorValues, weights: RankingWeights): number {
  // A fixed order of summation: equal factors give bit-for-bit equal scores.
  return FACTOR_NAMES.reduce((sum, name) => sum + weights[name] * factors[name], 0);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
