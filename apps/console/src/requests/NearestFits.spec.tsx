import { beforeAll, describe, expect, it } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { Schemas } from '../api/client';
import { setUpI18n } from '../i18n/i18n';
import { NearestFits } from './NearestFits';

const part = { professionalId: 'p1', fullName: 'Annie Bergeron', hours: 24, freeHours: 24.5, score: 0.78, estimatedCost: 2880 };
const fits = {
  summary: {},
  suggestions: [
    { rank: 1, kind: 'fewer_hours', relaxes: 'hours', hardConstraint: false, score: 0.78, professionals: [part], change: { estimatedHours: 24 }, reason: 'Annie Bergeron is free for 24 h of the 30 h', apply: { method: 'POST', path: '/v1/requests/r1/assignments', body: { professionalId: 'p1', hours: 24 } } },
    { rank: 2, kind: 'stretched_window', relaxes: 'window', hardConstraint: false, score: 0.7, professionals: [part], change: { endDate: '2027-03-19' }, reason: 'Annie Bergeron could do it by March 19' },
    {
      rank: 3,
      kind: 'split',
      relaxes: 'single_professional',
      hardConstraint: false,
      score: 0.68,
      professionals: [part, { ...part, professionalId: 'p2', fullName: 'Marc Côté', hours: 6 }],
      change: {},
      reason: 'Two professionals together: Annie Bergeron 24 h + Marc Côté 6 h',
      apply: { method: 'POST', path: '/v1/requests/r1/shared-assignments', body: { parts: [{ professionalId: 'p1', hours: 24 }, { professionalId: 'p2', hours: 6 }] } },
    },
  ],
} as unknown as Schemas['NearestFitsView'];

describe(NearestFits.name, () => {
  beforeAll(async () => {
    await setUpI18n('en');
  });

  it('lists each nearest fit with its reason, offering one step only where the API can apply it', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <NearestFits requestId="r1" fits={fits} onApplied={() => undefined} />
      </QueryClientProvider>,
    );

    const [fewerHours, longerWindow, split] = screen.getAllByRole('listitem').filter((item) => item.classList.contains('panel'));
    expect(within(fewerHours).getByText('Fewer hours')).toBeTruthy();
    expect(within(fewerHours).getByText('Annie Bergeron is free for 24 h of the 30 h')).toBeTruthy();
    expect(within(fewerHours).getByRole('button', { name: 'Apply' })).toBeTruthy();
    expect(within(longerWindow).queryByRole('button')).toBeNull();
    expect(within(longerWindow).getByText(/agree on it with the member/)).toBeTruthy();
    // A split is one step too: a shared assignment of both.
    expect(within(split).getByText('Shared by two')).toBeTruthy();
    expect(within(split).getByText(/Marc Côté: 6/)).toBeTruthy();
    expect(within(split).getByRole('button', { name: 'Apply' })).toBeTruthy();
  });
});
