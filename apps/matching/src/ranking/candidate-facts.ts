import type { CoopSectorCode, ExpertiseDomainCode, LanguageCode, RequestTerms } from '@coop/contracts';

/** The terms of a request that the ranking reads (not its text, which goes to search, nor its policy). */
export const RANKED_TERMS = ['domain', 'language', 'startDate', 'endDate', 'estimatedHours', 'urgency', 'onSite', 'region'] as const satisfies ReadonlyArray<keyof RequestTerms>;

/** What the ranking needs to know about the request being matched. */
export interface MatchContext extends Pick<RequestTerms, (typeof RANKED_TERMS)[number]> {
  /** The requesting member's sector, when known. */
  memberSector?: CoopSectorCode;
  /** Professionals who declined this request: never candidates again. */
  declinedBy: ReadonlySet<string>;
}

/** Availability of one professional over the request window (from the professionals service). */
export interface WindowAvailability {
  capacityHours: number;
  bookedHours: number;
  freeHours: number;
  /** Hours of capacity removed by time off inside the window. */
  timeOffHours: number;
  /** Free hours in the first ISO week of the window, and that week's share of the request. */
  firstWeekFreeHours: number;
  firstWeekNeededHours: number;
}

/** Everything known about one professional, for one request. */
export interface CandidateFacts {
  professionalId: string;
  fullName: string;
  active: boolean;
  languages: readonly LanguageCode[];
  region: string;
  domains: ReadonlyArray<{ code: ExpertiseDomainCode; level: number; years: number }>;
  coopExperience: { years: number; sectors: readonly CoopSectorCode[]; mandates: number };
  costRate: number;
  availability: WindowAvailability;
  /** Past assignments of this professional for the requesting member. */
  pastAssignmentsWithMember: number;
  /** Search relevance of skills and bio to the request text, 0..1. */
  textRelevance: number;
}
