import type { Schemas } from '../api/client';

export type Candidate = Schemas['CandidateView'];

export interface ScoreGap {
  best: Candidate;
  chosen: Candidate;
  /** best.score - chosen.score (0 when the chosen one is the best). */
  difference: number;
  /** The difference as a share of the best score. */
  relative: number;
}

/** How much lower `professionalId` scores than the best candidate of the ranking. */
export function scoreGap(candidates: Candidate[], professionalId: string): ScoreGap | undefined {
  const best = [...candidates].sort((a, b) => a.rank - b.rank)[0];
  const chosen = candidates.find((candidate) => candidate.professionalId === professionalId);
  if (!best || !chosen) return undefined;
  const difference = Math.max(0, best.score - chosen.score);
  return { best, chosen, difference, relative: best.score > 0 ? difference / best.score : 0 };
}

/**
 * Choosing anyone but the best ranked, or replacing a current assignment, overrides the system's
 * choice: the coordinator must say why (kept in the request's history).
 */
export function needsReason(candidates: Candidate[], professionalId: string, hasAssignment: boolean): boolean {
  if (hasAssignment) return true;
  const gap = scoreGap(candidates, professionalId);
  return gap !== undefined && gap.best.professionalId !== professionalId;
}

export const FACTOR_ORDER = [
  'domainExpertise',
  'sectorExperience',
  'coopExperience',
  'continuity',
  'availability',
  'workloadBalance',
  'regionFit',
  'textRelevance',
  'urgency',
] as const;

/** The candidate's factors in a fixed order (known ones first, then any the API adds). */
export function orderedFactors(factors: Record<string, number>): Array<[string, number]> {
  const known = FACTOR_ORDER.filter((name) => name in factors).map((name): [string, number] => [name, factors[name]]);
  const others = Object.entries(factors).filter(([name]) => !(FACTOR_ORDER as readonly string[]).includes(name));
  return [...known, ...others];
}
