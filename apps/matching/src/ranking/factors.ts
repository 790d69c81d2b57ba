import { coopExperienceValue, domainExpertiseValue } from '@coop/contracts';
import { CandidateFacts, MatchContext, WindowAvailability } from './candidate-facts.js';
import { FactorValues } from './ranking-weights.js';

// Saturation point: beyond it more is not better for the ranking (the others: domainExpertiseValue).
const CONTINUITY_CAP = 3;

/**
 * A window no real one beats: with it, every factor of the window (availability, workload balance,
 * urgency) is at its most, whatever the request. Whoever is rated with it gets the most they could
 * score before their availability is known (retrieval uses that to ask only about those who could
 * still make the top).
 */
export const BEST_WINDOW: Readonly<WindowAvailability> = Object.freeze({
  capacityHours: 1,
  bookedHours: 0,
  freeHours: Number.MAX_SAFE_INTEGER,
  timeOffHours: 0,
  firstWeekFreeHours: Number.MAX_SAFE_INTEGER,
  firstWeekNeededHours: 1,
});

/** Each soft factor of the ranking as a value in [0, 1], higher is better, monotone in its facts. */
export function computeFactors(facts: CandidateFacts, context: MatchContext): FactorValues {
  const domain = facts.domains.find((d) => d.code === context.domain);
  const { freeHours, bookedHours, capacityHours, firstWeekFreeHours, firstWeekNeededHours } = facts.availability;
  return {
    domainExpertise: domain ? domainExpertiseValue(domain.level, domain.years) : 0,
    sectorExperience: context.memberSector && facts.coopExperience.sectors.includes(context.memberSector) ? 1 : 0,
    coopExperience: coopExperienceValue(facts.coopExperience.years, facts.coopExperience.mandates),
    continuity: capped(facts.pastAssignmentsWithMember, CONTINUITY_CAP),
    availability: headroom(freeHours, context.estimatedHours),
    workloadBalance: capacityHours > 0 ? 1 - clamp(bookedHours / capacityHours, 0, 1) : 0,
    regionFit: context.onSite ? (context.region !== undefined && facts.region === context.region ? 1 : 0) : 1,
    textRelevance: clamp(facts.textRelevance, 0, 1),
    urgency: isUrgent(context) ? (firstWeekNeededHours > 0 ? clamp(firstWeekFreeHours / firstWeekNeededHours, 0, 1) : 1) : 1,
  };
}

/**
 * Below the need: the covered share, in [0, 0.5). At or above it: 0.5 plus up to 0.5 more as the
 * surplus reaches the need again (twice the hours needed is full headroom).
 */
export function headroom(freeHours: number, neededHours: number): number {
  if (neededHours <= 0) return 1;
  if (freeHours < neededHours) return 0.5 * clamp(freeHours / neededHours, 0, 1);
  return 0.5 + 0.5 * clamp((freeHours - neededHours) / neededHours, 0, 1);
}

export function isUrgent(context: Pick<MatchContext, 'urgency'>): boolean {
  return context.urgency === 'high' || context.urgency === 'critical';
}

function capped(value: number, cap: number): number {
  return clamp(value, 0, cap) / cap;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}
