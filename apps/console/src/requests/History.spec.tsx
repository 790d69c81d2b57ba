import { beforeAll, describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { setUpI18n } from '../i18n/i18n';
import { History } from './History';

const names: Record<string, string> = { p: 'Paul Partage', r: 'Rita Moitié' };
const professionalName = (id: string) => names[id];

describe(History.name, () => {
  beforeAll(async () => {
    await setUpI18n('en');
  });

  it('names every part of a shared assignment with its hours, and the one professional of another', () => {
    render(
      <History
        professionalName={professionalName}
        entries={[
          { type: 'assigned', status: 'assigned', occurredAt: '2026-12-01T17:00:00.000Z', professionalId: 'p', hours: 30, automatic: false, parts: [
            { assignmentId: 'a1', professionalId: 'p', hours: 18, estimatedCost: 2430 },
            { assignmentId: 'a2', professionalId: 'r', hours: 12, estimatedCost: 1620 },
          ] },
          { type: 'declined', status: 'submitted', occurredAt: '2026-12-01T18:00:00.000Z', professionalId: 'r', reason: 'Conflit d’intérêts' },
        ]}
      />,
    );

    expect(screen.getByText(/to Paul Partage 18 h \+ Rita Moitié 12 h/)).toBeTruthy();
    expect(screen.getByText(/by Rita Moitié/)).toBeTruthy();
  });
});
