import { describe, expect, it } from '@jest/globals';
import { needsReason, orderedFactors, scoreGap, type Candidate } from './score-gap';

const candidate = (rank: number, professionalId: string, score: number): Candidate =>
  ({ rank, professionalId, fullName: professionalId, score, available: true, freeHours: 10, estimatedCost: 100, factors: {}, reasons: [] }) as Candidate;
const ranking = [candidate(2, 'bruno', 0.62), candidate(1, 'alice', 0.8), candidate(3, 'chloe', 0.4)];

describe(scoreGap.name, () => {
  it('measures the chosen candidate against the best ranked, whatever the list order', () => {
    const sut = scoreGap(ranking, 'bruno');

    expect(sut?.best.professionalId).toBe('alice');
    expect(sut?.difference).toBeCloseTo(0.18, 10);
    expect(sut?.relative).toBeCloseTo(0.225, 10);
  });

  it('is nothing for the best itself, and unknown for someone not ranked', () => {
    expect(scoreGap(ranking, 'alice')?.difference).toBe(0);
    expect(scoreGap(ranking, 'nobody')).toBeUndefined();
  });
});

describe(needsReason.name, () => {
  it('asks a reason for anyone but the best, and for any change of assignment', () => {
    expect(needsReason(ranking, 'alice', false)).toBe(false);
    expect(needsReason(ranking, 'chloe', false)).toBe(true);
    expect(needsReason(ranking, 'alice', true)).toBe(true);
  });
});

describe(orderedFactors.name, () => {
  it('lists the known factors in their fixed order, then any new one', () => {
    const sut = orderedFactors({ urgency: 1, novelty: 0.5, domainExpertise: 0.9, availability: 0.7 });

    expect(sut.map(([name]) => name)).toEqual(['domainExpertise', 'availability', 'urgency', 'novelty']);
  });
});
