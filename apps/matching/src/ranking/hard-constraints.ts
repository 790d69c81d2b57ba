import { CandidateFacts, MatchContext } from './candidate-facts.js';

/** Why a professional cannot be a candidate at all (never listed, except with explainExcluded). */
export type ExclusionReason = 'inactive' | 'missing_domain' | 'language' | 'declined';

/** Why a listed candidate is not available (flagged `available: false`, ranked after the available). */
export type ShortfallReason = 'time_off' | 'capacity';

export function exclusionReasons(facts: CandidateFacts, context: MatchContext): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!facts.active) reasons.push('inactive');
  if (!facts.domains.some((d) => d.code === context.domain)) reasons.push('missing_domain');
  if (!facts.languages.includes(context.language)) reasons.push('language');
  if (context.declinedBy.has(facts.professionalId)) reasons.push('declined');
  return reasons;
}

/**
 * Whether the candidate can take the whole request: free hours over the window cover the estimate.
 * When not, says whether time off in the window is what takes the room.
 */
export function shortfall(facts: CandidateFacts, context: MatchContext): ShortfallReason | undefined {
  const { freeHours, timeOffHours } = facts.availability;
  if (freeHours >= context.estimatedHours) return undefined;
  return timeOffHours > 0 && freeHours + timeOffHours >= context.estimatedHours ? 'time_off' : 'capacity';
}
