import { DatabaseDefinition } from '@coop/platform';
import { CredentialEntity } from './credential/credential.entity.js';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity.js';
import { MemberEntity } from './member/member.entity.js';
import { CreateMembers1795676371311 } from './migrations/1795676371311-create-members.js';
import { CredentialsRequestsIdempotency1795678973589 } from './migrations/1795678973589-credentials-requests-idempotency.js';
import { CredentialRevokedBy1796127306246 } from './migrations/1796127306246-credential-revoked-by.js';
import { RequestHistory1796127509599 } from './migrations/1796127509599-request-history.js';
import { SharedAssignments1796200000000 } from './migrations/1796200000000-shared-assignments.js';
import { RequestHistoryEntity } from './request/request-history.entity.js';
import { ServiceRequestEntity } from './request/service-request.entity.js';

export const membersDatabase: DatabaseDefinition = {
  schema: 'members',
  entities: [MemberEntity, CredentialEntity, ServiceRequestEntity, RequestHistoryEntity, IdempotencyRecordEntity],
  migrations: [CreateMembers1795676371311, CredentialsRequestsIdempotency1795678973589, CredentialRevokedBy1796127306246, RequestHistory1796127509599, SharedAssignments1796200000000],
};
