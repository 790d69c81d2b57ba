import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { SearchModule } from '../search/search.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { BookingService } from './booking.service.js';
import { CapacityLedger } from './capacity-ledger.js';
import { TimeOffService } from './time-off.service.js';

@Module({
  imports: [CalendarModule, SearchModule],
  controllers: [AvailabilityController],
  providers: [AvailabilityService, TimeOffService, BookingService, CapacityLedger],
  exports: [CapacityLedger],
})
export class AvailabilityModule {}
