import { defineRpc } from '../messaging/rpc-contract.js';
import {
  AvailabilityRequest,
  AvailabilityView,
  BatchAvailabilityRequest,
  BatchAvailabilityResponse,
  BookingSummaryPage,
  BookingView,
  CreateTimeOffRequest,
  DeleteTimeOffRequest,
  EndBookingRequest,
  EndBookingResult,
  ListBookingsRequest,
  ReleaseRequest,
  ReleaseResult,
  RequestBookings,
  RequestBookingsRequest,
  ReserveRequest,
  ResizeRequest,
  TimeOffView,
  WindowAvailabilityResponse,
} from './availability.dto.js';
import { CapacityGridQuery, CapacityGridView } from './capacity-grid.dto.js';
import {
  CreateProfessionalRequest,
  ImportProfessionalsRequest,
  ImportProfessionalsResult,
  ListProfessionalsRequest,
  ProfessionalIdRequest,
  ProfessionalIdsRequest,
  ProfessionalList,
  ProfessionalPage,
  ProfessionalView,
  UpdateProfessionalRequest,
} from './professional.dto.js';

export const ProfessionalRpc = {
  create: defineRpc('professionals.professional.create.v1', CreateProfessionalRequest, ProfessionalView),
  get: defineRpc('professionals.professional.get.v1', ProfessionalIdRequest, ProfessionalView),
  /** Several profiles at once (the matcher's candidates); unknown ids are left out. */
  getMany: defineRpc('professionals.professional.get-many.v1', ProfessionalIdsRequest, ProfessionalList),
  update: defineRpc('professionals.professional.update.v1', UpdateProfessionalRequest, ProfessionalView),
  list: defineRpc('professionals.professional.list.v1', ListProfessionalsRequest, ProfessionalPage),
  /** Bulk load (demo data, generator): up to MAX_IMPORT_BATCH profiles; existing emails are skipped. */
  import: defineRpc('professionals.professional.import.v1', ImportProfessionalsRequest, ImportProfessionalsResult),
} as const;

export const TimeOffRpc = {
  create: defineRpc('professionals.time-off.create.v1', CreateTimeOffRequest, TimeOffView),
  delete: defineRpc('professionals.time-off.delete.v1', DeleteTimeOffRequest, TimeOffView),
} as const;

export const AvailabilityRpc = {
  /** One professional, per ISO week over a window (the gateway's availability route). */
  weekly: defineRpc('professionals.availability.weekly.v1', AvailabilityRequest, AvailabilityView),
  /** Many professionals over one window, week by week (the matcher's nearest fits). */
  batch: defineRpc('professionals.availability.batch.v1', BatchAvailabilityRequest, BatchAvailabilityResponse),
  /** Many professionals over one window, as ranking needs it: the window's totals (the matcher's exact availability check). */
  window: defineRpc('professionals.availability.window.v1', BatchAvailabilityRequest, WindowAvailabilityResponse),
  /** A page of professionals x N weeks: capacity, booked hours, days off and bookings per cell (the heat map, one call). */
  capacityGrid: defineRpc('professionals.availability.capacity-grid.v1', CapacityGridQuery, CapacityGridView),
} as const;

/**
 * Bookings, keyed by assignment id, for the matching service. `reserve` is idempotent: the same
 * assignment booked again with the same terms returns the existing booking; with other terms it
 * is a conflict. A booking that would overbook any week fails with `capacity_exceeded`.
 */
export const BookingRpc = {
  reserve: defineRpc('professionals.booking.reserve.v1', ReserveRequest, BookingView),
  release: defineRpc('professionals.booking.release.v1', ReleaseRequest, ReleaseResult),
  resize: defineRpc('professionals.booking.resize.v1', ResizeRequest, BookingView),
  list: defineRpc('professionals.booking.list.v1', ListBookingsRequest, BookingSummaryPage),
  /** Every booking that names this request (a retry's view of what earlier attempts booked). */
  ofRequest: defineRpc('professionals.booking.of-request.v1', RequestBookingsRequest, RequestBookings),
  /** The work is done: weeks after the end date's week are given back; earlier ones keep their hours. */
  end: defineRpc('professionals.booking.end.v1', EndBookingRequest, EndBookingResult),
} as const;

export class RebuildIndexRequest {}

export class RebuildIndexResult {
  index: string;
  documents: number;
  /** Monday of the first week of `freeHours` in the new index. */
  horizonStart: string;
  tookMs: number;
}

export const SearchIndexRpc = {
  /** Rebuilds the Meilisearch index from Postgres into a new index and swaps it in. */
  rebuild: defineRpc('professionals.index.rebuild.v1', RebuildIndexRequest, RebuildIndexResult),
} as const;

