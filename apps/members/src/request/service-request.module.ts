import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { RequestLifecycleHandler } from './request-lifecycle.handler.js';
import { ServiceRequestController } from './service-request.controller.js';
import { ServiceRequestRepository } from './service-request.repository.js';
import { ServiceRequestService } from './service-request.service.js';

@Module({ imports: [IdempotencyModule], controllers: [ServiceRequestController], providers: [ServiceRequestService, ServiceRequestRepository, RequestLifecycleHandler] })
export class ServiceRequestModule {}
