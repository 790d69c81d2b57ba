import { Module } from '@nestjs/common';
import { AssignmentMatcher } from '../assignment/assignment-matcher.js';
import { AssignmentQueries } from '../assignment/assignment-queries.js';
import { AssignmentService } from '../assignment/assignment.service.js';
import { BookingReconciler } from '../assignment/booking-reconciler.js';
import { EarlierAttempts } from '../assignment/earlier-attempts.js';
import { ShareMatcher } from '../assignment/share-matcher.js';
import { SharedAssignmentService } from '../assignment/shared-assignment.service.js';
import { ProfessionalsAdapter } from '../candidates/professionals.adapter.js';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { ProfessionalsSearch } from '../candidates/professionals-search.js';
import { MatchQueries } from './match-queries.js';
import { MatchService } from './match.service.js';
import { MatchingController } from './matching.controller.js';
import { NearestFitsService } from './nearest-fits.service.js';
import { RequestLifecycleHandler } from './request-lifecycle.handler.js';

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
    RequestLifecycleHandler,
    BookingReconciler,
    EarlierAttempts,
    ShareMatcher,
    SharedAssignmentService,
  ],
})
export class MatchingModule {}
