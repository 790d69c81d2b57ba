import { beforeAll, describe, expect, it } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { setUpI18n } from '../i18n/i18n';
import { CandidateList, ExcludedList } from './CandidateList';
import type { Candidate } from './score-gap';

const alice = {
  rank: 1,
  professionalId: 'a',
  fullName: 'Alice Lavoie',
  score: 0.83,
  available: false,
  freeHours: 12.5,
  estimatedCost: 2700,
  factors: { domainExpertise: 1, availability: 0.31 },
  reasons: ['Level 5/5 in legal', 'Only 12.5 h free for 20 h needed'],
} as Candidate;

const inApp = (node: React.ReactNode) => render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe(CandidateList.name, () => {
  beforeAll(async () => {
    await setUpI18n('en');
  });

  it('shows the score and each factor as bars, the reasons, availability, free hours and cost', () => {
    inApp(<CandidateList candidates={[alice]} />);

    const sut = screen.getByRole('listitem', { name: 'Candidate 1: Alice Lavoie' });
    expect(within(sut).getByRole('meter', { name: 'Score' }).getAttribute('aria-valuenow')).toBe('0.83');
    expect(within(sut).getByRole('meter', { name: 'Availability' }).getAttribute('aria-valuetext')).toBe('0.31');
    expect(within(sut).getByText('Only 12.5 h free for 20 h needed')).toBeTruthy();
    expect(within(sut).getByText('Partly available')).toBeTruthy();
    expect(within(sut).getByText('12.5 h')).toBeTruthy();
    expect(within(sut).getByText('$2,700.00')).toBeTruthy();
  });

  it('marks every professional holding a part of a shared request as assigned, and only them', () => {
    const bruno = { ...alice, rank: 2, professionalId: 'b', fullName: 'Bruno Gagnon' } as Candidate;
    const chloe = { ...alice, rank: 3, professionalId: 'c', fullName: 'Chloé Roy' } as Candidate;

    inApp(<CandidateList candidates={[alice, bruno, chloe]} assignedIds={new Set(['a', 'b'])} />);

    const assigned = (name: string) => within(screen.getByRole('listitem', { name })).queryByText('Assigned') !== null;
    expect([assigned('Candidate 1: Alice Lavoie'), assigned('Candidate 2: Bruno Gagnon'), assigned('Candidate 3: Chloé Roy')]).toEqual([true, true, false]);
  });

  it('says why each excluded person is out', () => {
    inApp(<ExcludedList excluded={[{ professionalId: 'd', fullName: 'Derek Smith', reasons: ['Does not speak French'] }]} />);

    expect(screen.getByText('Derek Smith')).toBeTruthy();
    expect(screen.getByText('Does not speak French')).toBeTruthy();
  });
});
