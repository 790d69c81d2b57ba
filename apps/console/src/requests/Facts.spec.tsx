import { beforeAll, describe, expect, it } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { Schemas } from '../api/client';
import { setUpI18n } from '../i18n/i18n';
import { Facts } from './Facts';

const request = {
  id: 'r1',
  memberId: 'm1',
  domain: 'events',
  title: 'Congrès annuel',
  description: 'Organisation du congrès',
  startDate: '2027-03-01',
  endDate: '2027-03-12',
  estimatedHours: 30,
  language: 'fr',
  region: 'quebec',
  onSite: false,
  urgency: 'critical',
  autoAssignOverride: null,
  autoAssign: false,
  status: 'assigned',
  statusReason: null,
  createdAt: '2027-02-20T10:00:00.000Z',
  updatedAt: '2027-02-20T10:00:00.000Z',
  assignment: {
    id: 'a1',
    professionalId: 'p1',
    hours: 30,
    estimatedCost: 4050,
    automatic: false,
    shareId: 's1',
    parts: [
      { assignmentId: 'a1', professionalId: 'p1', hours: 18, estimatedCost: 2430 },
      { assignmentId: 'a2', professionalId: 'p2', hours: 12, estimatedCost: 1620 },
    ],
  },
} as unknown as Schemas['ServiceRequestView'];

const NAMES: Record<string, string> = { p1: 'Paul Expert', p2: 'Rita Junior' };

describe(Facts.name, () => {
  beforeAll(async () => {
    await setUpI18n('en');
  });

  it('shows every professional of a shared request with their hours', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Facts request={request} professionalName="Paul Expert" nameOf={(id) => NAMES[id]} />
      </QueryClientProvider>,
    );

    const assignment = screen.getByTestId('assignment').textContent ?? '';
    expect(assignment).toMatch(/^Shared: Paul Expert 18\s?h \+ Rita Junior 12\s?h · 30\s?h/);
  });
});
