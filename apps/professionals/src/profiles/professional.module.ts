import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { SearchModule } from '../search/search.module.js';
import { CapacityGridService } from './capacity-grid.service.js';
import { ProfessionalController } from './professional.controller.js';
import { ProfessionalService } from './professional.service.js';

@Module({ imports: [AvailabilityModule, CalendarModule, SearchModule], controllers: [ProfessionalController], providers: [ProfessionalService, CapacityGridService] })
export class ProfessionalModule {}
