import { BEST_WINDOW, computeFactors } from './factors.js';
import { legalAdviser, legalRequest } from './ranking.fixtures.js';

describe('BEST_WINDOW', () => {
  it('puts every factor of the window at its most, whatever the request', () => {
    for (const estimatedHours of [1, 35, 800, 20_000]) {
      for (const urgency of ['low', 'critical'] as const) {
        const factors = computeFactors(legalAdviser('p', { availability: BEST_WINDOW }), { ...legalRequest(), estimatedHours, urgency });

        expect([factors.availability, factors.workloadBalance, factors.urgency]).toEqual([1, 1, 1]);
      }
    }
  });
});
