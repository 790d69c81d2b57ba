import type { BookingSummaryPage, ListBookingsRequest, ProfessionalAvailability, RequestBooking, ReserveRequest } from '@coop/contracts';
import { CandidateFacts, MatchContext } from '../ranking/candidate-facts.js';

/** Facts about professionals as the professionals service and its search index know them. */
export type ProfessionalFacts = Omit<CandidateFacts, 'pastAssignmentsWithMember'>;
/** The same without a window's availability. */
export type ProfessionalProfile = Omit<ProfessionalFacts, 'availability'>;

/** What the nearest fits look for beyond the ranking (see ProfessionalsSearch.nearby). */
export interface NearbyQuery {
  context: MatchContext;
  text: string;
  /** Changed windows to find professionals free for the whole of. */
  windows: ReadonlyArray<Pick<MatchContext, 'startDate' | 'endDate'>>;
  /** At most this many per set. */
  limit: number;
}

export interface CandidateQuery {
  context: MatchContext;
  /** Request title and description, or the ad hoc search text: its keywords held in skills, domain labels and bio make text relevance. */
  text: string;
  /** How many of the best must be exactly those of an exhaustive ranking (the top shown or stored). */
  top: number;
  /** When fewer than `top` are available: how many of the best partly available to rank exactly (default `top`). */
  partialTop?: number;
  /** Past assignments for the requesting member, by professional (continuity); empty without a member. */
  past: ReadonlyMap<string, number>;
  /** Also return those the hard constraints exclude (for explainExcluded), as far as search can tell. */
  includeExcluded: boolean;
  /**
   * Only those the index sees free for the whole window, without the partly free: all an automatic
   * assignment can use.
   */
  fittingOnly?: boolean;
  /**
   * The fitting set (those the index sees free for the whole window) as an earlier fitting-only
   * reading of this request found it, nobody in it available: such a reading reads all of it, so it
   * is not read again; only the partly available are read, and returned after these.
   */
  fittingSet?: readonly ProfessionalFacts[];
  /** Every eligible professional instead of the top (tools comparing retrieval with the exhaustive ranking). */
  exhaustive?: boolean;
}

/** What matching needs from the professionals service (and the index it owns). */
export abstract class ProfessionalsPort {
  /** Candidates with exact availability over the window: at least the exact top of the ranking. */
  abstract findCandidates(query: CandidateQuery): Promise<ProfessionalFacts[]>;
  /**
   * Nearest fits: in-domain professionals free for the request's window in another language, or
   * free for a changed window, as the index sees them (one search; no availability asked).
   */
  abstract findNearby(query: NearbyQuery): Promise<ProfessionalProfile[]>;
  /** Whole-week availability of these professionals over one window (one availability batch). */
  abstract availabilityOver(professionalIds: string[], window: Pick<MatchContext, 'startDate' | 'endDate'>): Promise<Map<string, ProfessionalAvailability>>;
  /** One professional's facts for the window (for a coordinator's manual assignment). */
  abstract factsOf(professionalId: string, context: MatchContext): Promise<ProfessionalFacts | undefined>;
  /** Books hours for an assignment; idempotent per assignment id; refuses what does not fit. */
  abstract reserve(booking: Required<ReserveRequest>): Promise<void>;
  /** Books several assignments' hours in one transaction: all of them or none (a shared request). */
  abstract reserveShared(bookings: Array<Required<ReserveRequest>>): Promise<void>;
  /** Every booking made for a request, by whichever attempt (including attempts that died). */
  abstract bookingsOfRequest(requestId: string): Promise<RequestBooking[]>;
  /** Frees the booking of an assignment; releasing twice is harmless. */
  abstract release(assignmentId: string): Promise<void>;
  /** The work is done: gives back the booking's weeks after `endDate`'s week (harmless if repeated). */
  abstract endBooking(assignmentId: string, endDate: string): Promise<void>;
  /** Bookings still holding capacity, a page at a time (for reconciliation). */
  abstract listBookings(request: ListBookingsRequest): Promise<BookingSummaryPage>;
}
