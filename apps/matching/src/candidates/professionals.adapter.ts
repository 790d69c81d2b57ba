import { Injectable } from '@nestjs/common';
import {
  AvailabilityRpc,
  BookingRpc,
  SharedBookingRpc,
  BookingSummaryPage,
  ExpertiseDomainCode,
  ListBookingsRequest,
  MAX_IDS_PER_CALL,
  parseDay,
  ProfessionalAvailability,
  ProfessionalRpc,
  ProfessionalSearchDocument,
  RequestBooking,
  ReserveRequest,
  weeksOf,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { MatchContext, WindowAvailability } from '../ranking/candidate-facts.js';
import { CandidateQuery, NearbyQuery, ProfessionalFacts, ProfessionalProfile, ProfessionalsPort } from './professionals.port.js';
import { ProfessionalsSearch } from './professionals-search.js';

/**
 * ProfessionalsPort over the real parts: candidates from the search index, then their exact
 * availability over the window from the professionals service (the index is only a pre-filter),
 * and bookings through its reserve/release commands.
 */
@Injectable()
export class ProfessionalsAdapter extends ProfessionalsPort {
  constructor(
    private readonly search: ProfessionalsSearch,
    private readonly rpc: RpcClient,
  ) {
    super();
  }

  async findCandidates(query: CandidateQuery): Promise<ProfessionalFacts[]> {
    const hits = await this.search.candidates(query.context, query.text, {
      limit: query.limit,
      includePartial: !query.fittingOnly,
      includeExcluded: query.includeExcluded,
    });
    if (hits.length === 0) return [];
    const availability = await this.availabilityOf(
      hits.map((hit) => hit.document.id),
      query.context,
    );
    return hits.flatMap((hit) => {
      const window = availability.get(hit.document.id);
      return window ? [{ ...profileOf(hit.document, hit.relevance), availability: windowAvailability(window, query.context) }] : [];
    });
  }

  async findNearby(query: NearbyQuery): Promise<ProfessionalProfile[]> {
    const hits = await this.search.nearby(query.context, query.text, { limit: query.limit, windows: query.windows });
    return hits.map((hit) => profileOf(hit.document, hit.relevance));
  }

  availabilityOver(professionalIds: string[], window: Pick<MatchContext, 'startDate' | 'endDate'>): Promise<Map<string, ProfessionalAvailability>> {
    return this.availabilityOf(professionalIds, window);
  }

  async factsOf(professionalId: string, context: MatchContext): Promise<ProfessionalFacts | undefined> {
    const [profiles, availability] = await Promise.all([
      this.rpc.send(ProfessionalRpc.getMany, { ids: [professionalId] }),
      this.availabilityOf([professionalId], context),
    ]);
    const profile = profiles.items[0];
    const window = availability.get(professionalId);
    if (!profile || !window) return undefined;
    return {
      professionalId: profile.id,
      fullName: profile.fullName,
      active: profile.active,
      languages: profile.languages,
      region: profile.region,
      domains: profile.domains,
      coopExperience: profile.coopExperience,
      costRate: profile.costRate,
      availability: windowAvailability(window, context),
      textRelevance: 0,
    };
  }

  async reserve(booking: Required<ReserveRequest>): Promise<void> {
    await this.rpc.send(BookingRpc.reserve, booking);
  }

  async reserveShared(bookings: Array<Required<ReserveRequest>>): Promise<void> {
    await this.rpc.send(SharedBookingRpc, { bookings });
  }

  async bookingsOfRequest(requestId: string): Promise<RequestBooking[]> {
    return (await this.rpc.send(BookingRpc.ofRequest, { requestId })).items;
  }

  async release(assignmentId: string): Promise<void> {
    await this.rpc.send(BookingRpc.release, { assignmentId });
  }

  async endBooking(assignmentId: string, endDate: string): Promise<void> {
    await this.rpc.send(BookingRpc.end, { assignmentId, endDate });
  }

  listBookings(request: ListBookingsRequest): Promise<BookingSummaryPage> {
    return this.rpc.send(BookingRpc.list, request);
  }

  /** In calls whose answers stay small (availabilityCallSize), sent at once. */
  private async availabilityOf(professionalIds: string[], context: Pick<MatchContext, 'startDate' | 'endDate'>): Promise<Map<string, ProfessionalAvailability>> {
    const size = availabilityCallSize(context.startDate, context.endDate);
    const calls: Array<Promise<{ items: ProfessionalAvailability[] }>> = [];
    for (let start = 0; start < professionalIds.length; start += size) {
      const chunk = professionalIds.slice(start, start + size);
      calls.push(this.rpc.send(AvailabilityRpc.batch, { professionalIds: chunk, startDate: context.startDate, endDate: context.endDate }));
    }
    const answers = await Promise.all(calls);
    return new Map(answers.flatMap(({ items }) => items).map((item) => [item.professionalId, item]));
  }
}

// One professional's availability in a batch answer: about 300 bytes, and 140 per week of the
// window (more with days off); a margin on both.
const SUMMARY_BYTES = 400;
const WEEK_BYTES = 200;
/** Well under NATS's default 1 MB message limit: an answer above it is never delivered. */
const ANSWER_BUDGET_BYTES = 256 * 1024;

/**
 * How many professionals one availability call may ask for over this window: the answer carries
 * every week of the window for each, so a year-long request fits far fewer per call than a week.
 */
export function availabilityCallSize(startDate: string, endDate: string): number {
  const weeks = weeksOf(parseDay(startDate), parseDay(endDate)).length;
  return Math.max(1, Math.min(MAX_IDS_PER_CALL, Math.floor(ANSWER_BUDGET_BYTES / (SUMMARY_BYTES + WEEK_BYTES * weeks))));
}

function profileOf(doc: ProfessionalSearchDocument, relevance: number): ProfessionalProfile {
  return {
    professionalId: doc.id,
    fullName: doc.fullName,
    active: doc.active,
    languages: doc.languages,
    region: doc.region,
    domains: doc.domains.map((code: ExpertiseDomainCode) => ({ code, level: doc.domainLevels[code] ?? 1, years: doc.domainYears[code] ?? 0 })),
    coopExperience: { years: doc.coopYears, sectors: doc.coopSectors, mandates: doc.coopMandates },
    costRate: doc.costRate,
    textRelevance: relevance,
  };
}

/**
 * The window as the ranking sees it. "Free" is what a booking over exactly this window could take
 * now (no week overbooked), which is what the availability hard constraint is about.
 */
export function windowAvailability(window: ProfessionalAvailability, context: Pick<MatchContext, 'estimatedHours'>): WindowAvailability {
  const first = window.weeks[0];
  return {
    capacityHours: window.capacityHours,
    bookedHours: window.bookedHours,
    freeHours: window.maxReservableHours,
    timeOffHours: (window.timeOffDays.length * window.weeklyCapacityHours) / 5,
    firstWeekFreeHours: first?.freeHours ?? 0,
    firstWeekNeededHours: first && window.workingDays > 0 ? (context.estimatedHours * first.windowWorkingDays) / window.workingDays : 0,
  };
}
