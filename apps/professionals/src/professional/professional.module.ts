import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { CapacityGridService } from './capacity-grid.service.js';
import { ProfessionalController } from './professional.controller.js';
import { ProfessionalService } from './professional.service.js';

@Module({ imports: [AvailabilityModule], controllers: [ProfessionalController], providers: [ProfessionalService, CapacityGridService] })
export class ProfessionalModule {}
