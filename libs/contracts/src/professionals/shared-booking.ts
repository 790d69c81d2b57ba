import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { defineRpc } from '../messaging/rpc-contract.js';
import { BookingView, ReserveRequest } from './availability.dto.js';

/** Most bookings one shared reservation may hold (a request is shared by at most a few people). */
export const MAX_SHARED_BOOKINGS = 10;

/**
 * Several bookings made in one transaction: every one of them, or none (one that does not fit
 * refuses them all). Each is keyed by its assignment id like a single booking, so a repeat with the
 * same terms returns what exists.
 */
export class ReserveSharedRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHARED_BOOKINGS)
  @ValidateNested({ each: true })
  @Type(() => ReserveRequest)
  bookings: ReserveRequest[];
}

export class SharedBookingView {
  items: BookingView[];
}

export const SharedBookingRpc = defineRpc('professionals.booking.reserve-shared.v1', ReserveSharedRequest, SharedBookingView);
