import { Module } from '@nestjs/common';
import { ProfessionalChanges } from '../professional/professional-changes.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { BookingService } from './booking.service.js';
import { SharedBookingController } from './shared-booking.controller.js';
import { SharedBookingService } from './shared-booking.service.js';
import { CalendarLoader } from './calendar-loader.js';
import { CapacityLedger } from './capacity-ledger.js';
import { TimeOffService } from './time-off.service.js';

@Module({
  controllers: [AvailabilityController, SharedBookingController],
  providers: [AvailabilityService, TimeOffService, BookingService, SharedBookingService, CapacityLedger, CalendarLoader, ProfessionalChanges],
  exports: [CapacityLedger, CalendarLoader, ProfessionalChanges],
})
export class AvailabilityModule {}
