import { CandidateFacts, MatchContext } from './candidate-facts.js';

/** A housing federation's legal request: two weeks, 20 hours, in French, remote. */
export function legalRequest(overrides: Partial<MatchContext> = {}): MatchContext {
  return {
    domain: 'legal',
    language: 'fr',
    startDate: '2027-03-01',
    endDate: '2027-03-12',
    estimatedHours: 20,
    urgency: 'normal',
    onSite: false,
    region: 'quebec',
    memberSector: 'housing',
    declinedBy: new Set(),
    ...overrides,
  };
}

/** A solid, fully available legal adviser; tests change what they are about. */
export function legalAdviser(id: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    professionalId: id,
    fullName: `Conseiller ${id}`,
    active: true,
    languages: ['fr'],
    region: 'quebec',
    domains: [{ code: 'legal', level: 3, years: 6 }],
    coopExperience: { years: 5, sectors: ['food'], mandates: 3 },
    costRate: 90,
    availability: { capacityHours: 70, bookedHours: 10, freeHours: 60, timeOffHours: 0, firstWeekFreeHours: 30, firstWeekNeededHours: 10 },
    pastAssignmentsWithMember: 0,
    textRelevance: 0.5,
    ...overrides,
  };
}
