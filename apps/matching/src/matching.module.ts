import { Module } from '@nestjs/common';
import { AssignmentQueries } from './assignment/assignment-queries.js';
import { AssignmentRepository } from './assignment/assignment.repository.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { BookingReconciler } from './assignment/booking-reconciler.js';
import { EarlierAttempts } from './assignment/earlier-attempts.js';
import { SharedAssignmentService } from './assignment/shared-assignment.service.js';
import { ProfessionalsAdapter } from './candidates/professionals.adapter.js';
import { ProfessionalsPort } from './candidates/professionals.port.js';
import { ProfessionalsSearch } from './candidates/professionals-search.js';
import { MatchRequestRepository } from './match-request/match-request.repository.js';
import { AssignmentMatcher } from './matches/assignment-matcher.js';
import { MatchQueries } from './matches/match-queries.js';
import { MatchService } from './matches/match.service.js';
import { NearestFitsService } from './matches/nearest-fits.service.js';
import { ShareMatcher } from './matches/share-matcher.js';
import { MatchingController } from './matching.controller.js';
import { RequestLifecycleHandler } from './request-lifecycle.handler.js';

/** The matching service's wiring: its RPC controller, its event handler, and each feature's providers. */
@Module({
  controllers: [MatchingController],
  providers: [
    ProfessionalsSearch,
    { provide: ProfessionalsPort, useClass: ProfessionalsAdapter },
    MatchService,
    MatchQueries,
    NearestFitsService,
    AssignmentMatcher,
    AssignmentService,
    AssignmentQueries,
    AssignmentRepository,
    MatchRequestRepository,
    RequestLifecycleHandler,
    BookingReconciler,
    EarlierAttempts,
    ShareMatcher,
    SharedAssignmentService,
  ],
})
export class MatchingModule {}
