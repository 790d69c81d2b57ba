import { legalRequest } from '../ranking/ranking.fixtures.js';
import { MatchRequestEntity } from './match-request.entity.js';

export const FIXTURE_REQUEST = '0d6c8f3e-6a43-4c1e-9a57-3b8e3f1f2a01';
export const FIXTURE_MEMBER = '5b0c0f4e-8f0e-4c47-b3a4-0f5f6a0f7c11';

/** Matching's copy of legalRequest() (20 h from 2027-03-01 to 2027-03-12), waiting for a coordinator unless overridden. */
export function storedLegalRequest(overrides: Partial<MatchRequestEntity> = {}): MatchRequestEntity {
  const { declinedBy: _declined, ...context } = legalRequest();
  return Object.assign(new MatchRequestEntity(), {
    ...context,
    id: FIXTURE_REQUEST,
    memberId: FIXTURE_MEMBER,
    memberSector: 'housing',
    title: 'Règlements',
    description: 'Révision',
    region: context.region ?? null,
    autoAssign: false,
    autoAssignSplit: false,
    status: 'pending_review',
    lastMatches: null,
    submittedAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  });
}
