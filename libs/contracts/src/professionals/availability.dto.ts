import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { IsWindowEnd } from '../common/dates.js';
import { MAX_IDS_PER_CALL } from './professional.dto.js';

const hoursMessage = 'hours must be a number of hours from 0 to 100000, with at most 2 decimals';
const decimal = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

// ---------------------------------------------------------------- time off

/** A range of days off (inclusive); working days in it have no capacity. */
export class TimeOffFields {
  @ApiProperty({ example: '2026-12-21', description: 'first day off, YYYY-MM-DD' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-01-01', description: 'last day off, YYYY-MM-DD (on or after startDate)' })
  @IsCalendarDate()
  @IsWindowEnd('startDate')
  endDate: string;

  @ApiPropertyOptional({ example: 'Congé des fêtes' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'reason must be at most 200 characters' })
  reason?: string;
}

export class CreateTimeOffRequest extends TimeOffFields {
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;
}

export class DeleteTimeOffRequest {
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @IsUUID('4', { message: 'timeOffId must be a UUID' })
  timeOffId: string;
}

export class TimeOffView {
  @ApiProperty() id: string;
  @ApiProperty() professionalId: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() createdAt: string;
}

// ---------------------------------------------------------------- availability

export class AvailabilityWindowQuery {
  @ApiProperty({ example: '2026-11-23', description: 'first day, YYYY-MM-DD' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2027-01-31', description: 'last day, YYYY-MM-DD (on or after from)' })
  @IsCalendarDate()
  @IsWindowEnd('from')
  to: string;
}

export class AvailabilityRequest extends AvailabilityWindowQuery {
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;
}

/** For the matcher: availability of many professionals over one window (a request's dates). */
export class BatchAvailabilityRequest {
  @IsArray()
  @ArrayMinSize(1, { message: 'professionalIds must name at least one professional' })
  @ArrayMaxSize(MAX_IDS_PER_CALL, { message: `professionalIds must hold at most ${MAX_IDS_PER_CALL} ids` })
  @ArrayUnique({ message: 'professionalIds must not repeat an id' })
  @IsUUID('4', { each: true, message: 'each professional id must be a UUID' })
  professionalIds: string[];

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  @IsWindowEnd('startDate')
  endDate: string;
}

/** One ISO week, whole (Monday to Sunday), whatever part of it the window covers. */
export class WeekAvailability {
  @ApiProperty({ example: '2026-W48' }) week: string;
  @ApiProperty({ example: '2026-11-23', description: 'its Monday' }) weekStart: string;
  @ApiProperty({ description: 'weekly capacity minus working days off' }) capacityHours: number;
  @ApiProperty() bookedHours: number;
  @ApiProperty({ description: 'capacityHours - bookedHours' }) freeHours: number;
  @ApiProperty({ description: 'working days (Mon-Fri) of the window in this week' }) windowWorkingDays: number;
  @ApiProperty({ type: [String], description: 'working days off this week (YYYY-MM-DD)' }) timeOffDays: string[];
}

/**
 * Availability of one professional over a window. The window totals count only the window's own
 * days (a partial first or last week counts its days in the window); `weeks` are whole weeks.
 */
export class ProfessionalAvailability {
  @ApiProperty() professionalId: string;
  @ApiProperty() active: boolean;
  @ApiProperty() weeklyCapacityHours: number;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ description: 'working days (Mon-Fri) in the window' }) workingDays: number;
  @ApiProperty({ description: 'capacity of the window: capacity/5 per working day not off' }) capacityHours: number;
  @ApiProperty({ description: 'capacity the working days off in the window take away' }) timeOffHours: number;
  @ApiProperty({ description: 'hours of bookings falling on the window days' }) bookedHours: number;
  @ApiProperty({ description: 'capacityHours - bookedHours, at least 0' }) freeHours: number;
  @ApiProperty({ description: 'the most hours a booking over exactly this window could take now (no week overbooked)' })
  maxReservableHours: number;
  @ApiProperty({ type: [String], description: 'working days off in the window (YYYY-MM-DD)' }) timeOffDays: string[];
  @ApiProperty({ type: [WeekAvailability] }) weeks: WeekAvailability[];
}

/** GET /v1/professionals/:id/availability: the summary plus the time off that overlaps the window. */
export class AvailabilityView extends ProfessionalAvailability {
  @ApiProperty({ type: [TimeOffView] }) timeOff: TimeOffView[];
}

export class BatchAvailabilityResponse {
  /** One per known professional, in the order asked; unknown ids are left out. */
  items: ProfessionalAvailability[];
}

/**
 * What ranking needs of one professional's availability over a window: the totals of
 * ProfessionalAvailability (same meaning) without its weeks and dates, so that a match's many
 * candidates cost little to compute and send.
 */
export class WindowAvailabilitySummary {
  professionalId: string;
  active: boolean;
  weeklyCapacityHours: number;
  workingDays: number;
  capacityHours: number;
  bookedHours: number;
  maxReservableHours: number;
  /** How many working days of the window are off (ProfessionalAvailability.timeOffDays.length). */
  timeOffDayCount: number;
  /** The first week the window touches: its free hours (whole week) and its working days in the window. */
  firstWeekFreeHours: number;
  firstWeekWindowWorkingDays: number;
}

export class WindowAvailabilityResponse {
  /** One per known professional, in the order asked; unknown ids are left out. */
  items: WindowAvailabilitySummary[];
}

// ---------------------------------------------------------------- bookings

/** Books an assignment's hours on a professional's calendar, spread over the window's working days. */
export class ReserveRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  @IsWindowEnd('startDate')
  endDate: string;

  @IsNumber(decimal, { message: hoursMessage })
  @Min(0, { message: hoursMessage })
  @Max(100_000, { message: hoursMessage })
  hours: number;

  /**
   * The request the assignment is for. A booking that names its request can be found again by a
   * retry whose earlier attempt booked but died before its assignment was saved.
   */
  @IsOptional()
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId?: string;
}

/** The bookings made for one request, whichever attempt made them. */
export class RequestBookingsRequest {
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;
}

export class RequestBooking {
  assignmentId: string;
  professionalId: string;
  startDate: string;
  endDate: string;
  hours: number;
  createdAt: string;
}

export class RequestBookings {
  /** Oldest first. */
  items: RequestBooking[];
}

export class ReleaseRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;
}

export class ResizeRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @IsNumber(decimal, { message: hoursMessage })
  @Min(0, { message: hoursMessage })
  @Max(100_000, { message: hoursMessage })
  hours: number;
}

export class BookingWeekView {
  week: string;
  weekStart: string;
  hours: number;
}

export class BookingView {
  assignmentId: string;
  professionalId: string;
  startDate: string;
  endDate: string;
  hours: number;
  /** The hours per ISO week; they sum to `hours`. */
  weeks: BookingWeekView[];
  createdAt: string;
}

export class ReleaseResult {
  assignmentId: string;
  /** False when there was no booking for this assignment (already released, or never made). */
  released: boolean;
}

/** Ends a booking early (the work is done): the weeks after `endDate`'s week are given back. */
export class EndBookingRequest {
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId: string;

  @IsCalendarDate()
  endDate: string;
}

export class EndBookingResult {
  assignmentId: string;
  /** False when there was no booking for this assignment (released, or never made). */
  found: boolean;
  /** Hours the booking still holds (its weeks up to the end date's week). */
  hours: number;
  /** Hours given back. */
  releasedHours: number;
}

/**
 * A page of the bookings that still hold capacity (ending on or after `endingFrom`) and were made
 * before `createdBefore`, in assignment id order: what a reconciliation compares with assignments.
 */
export class ListBookingsRequest {
  @IsISO8601({ strict: true }, { message: 'createdBefore must be an ISO 8601 timestamp' })
  createdBefore: string;

  @IsCalendarDate()
  endingFrom: string;

  /** The last assignment id of the previous page. */
  @IsOptional()
  @IsUUID('4', { message: 'afterAssignmentId must be a UUID' })
  afterAssignmentId?: string;

  @IsInt({ message: 'limit must be an integer from 1 to 1000' })
  @Min(1, { message: 'limit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'limit must be an integer from 1 to 1000' })
  limit: number;
}

export class BookingSummary {
  assignmentId: string;
  professionalId: string;
  createdAt: string;
}

export class BookingSummaryPage {
  items: BookingSummary[];
  /** Pass as afterAssignmentId for the next page; absent on the last one. */
  nextAfter?: string;
}
