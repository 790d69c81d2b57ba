import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { SearchModule } from '../search/search.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { BookingRepository } from './booking.repository.js';
import { BookingService } from './booking.service.js';
import { SharedBookingController } from './shared-booking.controller.js';
import { SharedBookingService } from './shared-booking.service.js';
import { CapacityLedger } from './capacity-ledger.js';
import { LedgerRepository } from './ledger.repository.js';
import { TimeOffService } from './time-off.service.js';

@Module({
  imports: [CalendarModule, SearchModule],
  controllers: [AvailabilityController, SharedBookingController],
  providers: [AvailabilityService, TimeOffService, BookingService, SharedBookingService, BookingRepository, CapacityLedger, LedgerRepository],
  exports: [CapacityLedger],
})
export class AvailabilityModule {}
