import { Module } from '@nestjs/common';
import { CalendarLoader } from './calendar-loader.js';

/** Professionals' calendars, built from their bookings and time off (for availability, search and the capacity grid). */
@Module({ providers: [CalendarLoader], exports: [CalendarLoader] })
export class CalendarModule {}
