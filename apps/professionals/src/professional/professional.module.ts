import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { ProfessionalController } from './professional.controller.js';
import { ProfessionalService } from './professional.service.js';

@Module({ imports: [AvailabilityModule], controllers: [ProfessionalController], providers: [ProfessionalService] })
export class ProfessionalModule {}
