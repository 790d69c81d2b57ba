import type { EventEnvelope, RequestCancelledEvent } from '@coop/contracts';
import { RequestEvents } from '@coop/contracts';
import { EventArrivedEarly, PREDECESSOR_WAIT_MS, RpcClient } from '@coop/platform';
import { mockManager, mockOf } from '@coop/platform/testing';
import { EarlierAttempts } from './assignment/earlier-attempts.js';
import { ProfessionalsPort } from './candidates/professionals.port.js';
import { AssignmentRepository } from './assignment/assignment.repository.js';
import { MatchRequestRepository } from './match-request/match-request.repository.js';
import { AssignmentMatcher } from './matches/assignment-matcher.js';
import { MatchingConfig } from './config.js';
import { RequestLifecycleHandler } from './request-lifecycle.handler.js';

const cancellation: RequestCancelledEvent = { requestId: '7f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7', memberId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };
const envelope = (ageMs: number): EventEnvelope => ({
  id: 'e4b1c2d3-1234-4abc-9def-0123456789ab',
  type: RequestEvents.cancelled.subject,
  occurredAt: new Date(Date.now() - ageMs).toISOString(),
  data: cancellation,
});

describe(`${RequestLifecycleHandler.name} on a cancellation of a request matching does not know`, () => {
  const manager = mockManager();
  const requests = mockOf<MatchRequestRepository>({ find: async () => null });
  const { setStatus: update } = requests;
  const handler = new RequestLifecycleHandler(mockOf<AssignmentMatcher>(), mockOf<ProfessionalsPort>(), mockOf<EarlierAttempts>(), mockOf<RpcClient>(), new MatchingConfig(), requests, mockOf<AssignmentRepository>());

  it('fails, to be retried, while its submission may still be on its way through another replica', async () => {
    await expect(handler.onCancelled(cancellation, envelope(1_000), manager)).rejects.toThrow(EventArrivedEarly);
    expect(update).not.toHaveBeenCalled();
  });

  it('lets go of one that was never submitted to matching', async () => {
    await expect(handler.onCancelled(cancellation, envelope(PREDECESSOR_WAIT_MS + 1_000), manager)).resolves.toBeUndefined();
    expect(update).not.toHaveBeenCalled();
  });
});
