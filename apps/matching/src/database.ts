import { DatabaseDefinition } from '@coop/platform';
import { AssignmentEntity } from './assignment/assignment.entity.js';
import { MatchRequestEntity } from './match-request/match-request.entity.js';
import { CreateMatching1795677894242 } from './migrations/1795677894242-create-matching.js';
import { AssignmentMillisecondTimestamps1795680285178 } from './migrations/1795680285178-assignment-millisecond-timestamps.js';
import { OneRequestStatusVocabulary1796139825382 } from './migrations/1796139825382-one-request-status-vocabulary.js';
import { SharedAssignments1796200000000 } from './migrations/1796200000000-shared-assignments.js';

export const matchingDatabase: DatabaseDefinition = {
  schema: 'matching',
  entities: [MatchRequestEntity, AssignmentEntity],
  migrations: [CreateMatching1795677894242, AssignmentMillisecondTimestamps1795680285178, OneRequestStatusVocabulary1796139825382, SharedAssignments1796200000000],
};
