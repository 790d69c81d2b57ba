import { describe, expect, it } from '@jest/globals';
import { buildQueue, countByKind, queueKind, type ServiceRequest } from './queue';

let n = 0;
const aRequest = (overrides: Partial<ServiceRequest>): ServiceRequest =>
  ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    memberId: 'm1',
    domain: 'legal',
    status: 'pending_review',
    statusReason: null,
    urgency: 'normal',
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  }) as ServiceRequest;

describe(buildQueue.name, () => {
  it('keeps what needs a coordinator: waiting for review, unmatched, back in matching after a decline', () => {
    const review = aRequest({ status: 'pending_review' });
    const unmatched = aRequest({ status: 'unmatched' });
    const rematching = aRequest({ status: 'submitted', statusReason: 'Conflit d’intérêts' });
    const justSubmitted = aRequest({ status: 'submitted' });
    const assigned = aRequest({ status: 'assigned' });

    const sut = buildQueue([review, unmatched, rematching, justSubmitted, assigned]);

    expect(sut.map((request) => queueKind(request))).toEqual(['pending_review', 'unmatched', 'rematching']);
  });

  it('puts the most urgent first, then those waiting longest', () => {
    const oldNormal = aRequest({ urgency: 'normal', createdAt: '2026-11-01T00:00:00.000Z' });
    const critical = aRequest({ urgency: 'critical', createdAt: '2026-12-01T00:00:00.000Z' });
    const newHigh = aRequest({ urgency: 'high', createdAt: '2026-12-02T00:00:00.000Z' });
    const oldHigh = aRequest({ urgency: 'high', createdAt: '2026-11-20T00:00:00.000Z' });
    const low = aRequest({ urgency: 'low', createdAt: '2026-10-01T00:00:00.000Z' });

    const sut = buildQueue([oldNormal, low, newHigh, critical, oldHigh]);

    expect(sut).toEqual([critical, oldHigh, newHigh, oldNormal, low]);
  });

  it('applies every filter together and lists a request once even if two pages returned it', () => {
    const match = aRequest({ status: 'unmatched', domain: 'hr', memberId: 'm2', urgency: 'high' });
    const otherDomain = aRequest({ status: 'unmatched', domain: 'legal', memberId: 'm2', urgency: 'high' });
    const otherMember = aRequest({ status: 'unmatched', domain: 'hr', memberId: 'm1', urgency: 'high' });

    const sut = buildQueue([match, otherDomain, otherMember, match], { kind: 'unmatched', domain: 'hr', memberId: 'm2', urgency: 'high' });

    expect(sut).toEqual([match]);
  });
});

describe(countByKind.name, () => {
  it('counts each reason', () => {
    const sut = countByKind([aRequest({ status: 'pending_review' }), aRequest({ status: 'pending_review' }), aRequest({ status: 'submitted', statusReason: 'refus' }), aRequest({ status: 'completed' })]);

    expect(sut).toEqual({ pending_review: 2, unmatched: 0, rematching: 1 });
  });
});
