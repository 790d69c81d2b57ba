import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { SearchModule } from '../search/search.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { BookingRepository } from './booking.repository.js';
import { BookingService } from './booking.service.js';
import { CapacityLedger } from './capacity-ledger.js';
import { LedgerRepository } from './ledger.repository.js';
import { TimeOffService } from './time-off.service.js';

@Module({
  imports: [CalendarModule, SearchModule],
  controllers: [AvailabilityController],
  providers: [AvailabilityService, TimeOffService, BookingService, BookingRepository, CapacityLedger, LedgerRepository],
  exports: [CapacityLedger],
})
export class AvailabilityModule {}
