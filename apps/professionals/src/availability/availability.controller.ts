import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AvailabilityRequest,
  AvailabilityRpc,
  AvailabilityView,
  BatchAvailabilityRequest,
  BatchAvailabilityResponse,
  BookingRpc,
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
  TimeOffRpc,
  TimeOffView,
  WindowAvailabilityResponse,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { AvailabilityService } from './availability.service.js';
import { BookingService } from './booking.service.js';
import { TimeOffService } from './time-off.service.js';

@Controller()
export class AvailabilityController {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly timeOff: TimeOffService,
    private readonly bookings: BookingService,
  ) {}

  @RpcHandler(TimeOffRpc.create)
  createTimeOff(@Payload() request: CreateTimeOffRequest): Promise<TimeOffView> {
    return this.timeOff.create(request);
  }

  @RpcHandler(TimeOffRpc.delete)
  deleteTimeOff(@Payload() request: DeleteTimeOffRequest): Promise<TimeOffView> {
    return this.timeOff.delete(request);
  }

  @RpcHandler(AvailabilityRpc.weekly)
  weekly(@Payload() request: AvailabilityRequest): Promise<AvailabilityView> {
    return this.availability.weekly(request.professionalId, request.from, request.to);
  }

  @RpcHandler(AvailabilityRpc.batch)
  async batch(@Payload() request: BatchAvailabilityRequest): Promise<BatchAvailabilityResponse> {
    return { items: await this.availability.batch(request.professionalIds, request.startDate, request.endDate) };
  }

  @RpcHandler(AvailabilityRpc.window)
  async windows(@Payload() request: BatchAvailabilityRequest): Promise<WindowAvailabilityResponse> {
    return { items: await this.availability.windows(request.professionalIds, request.startDate, request.endDate) };
  }

  @RpcHandler(BookingRpc.reserve)
  reserve(@Payload() request: ReserveRequest): Promise<BookingView> {
    return this.bookings.reserve(request);
  }

  @RpcHandler(BookingRpc.release)
  release(@Payload() request: ReleaseRequest): Promise<ReleaseResult> {
    return this.bookings.release(request.assignmentId);
  }

  @RpcHandler(BookingRpc.resize)
  resize(@Payload() request: ResizeRequest): Promise<BookingView> {
    return this.bookings.resize(request);
  }

  @RpcHandler(BookingRpc.end)
  endBooking(@Payload() request: EndBookingRequest): Promise<EndBookingResult> {
    return this.bookings.end(request);
  }

  @RpcHandler(BookingRpc.ofRequest)
  bookingsOfRequest(@Payload() request: RequestBookingsRequest): Promise<RequestBookings> {
    return this.bookings.ofRequest(request.requestId);
  }

  @RpcHandler(BookingRpc.list)
  listBookings(@Payload() request: ListBookingsRequest): Promise<BookingSummaryPage> {
    return this.bookings.list(request);
  }
}
