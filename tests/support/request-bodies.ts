import type { SubmitServiceRequestBody } from '@coop/contracts';

/** `YYYY-MM-DD`, `days` after today (UTC; far enough ahead for any time zone's "today"). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid service request: two weeks of legal work starting in two weeks. */
export function requestBody(overrides: Partial<SubmitServiceRequestBody> = {}): SubmitServiceRequestBody {
  return {
    domain: 'legal',
    title: 'Analyse d’un jugement sur nos règlements généraux',
    description: 'Un jugement récent touche l’article sur l’admission des membres de nos règlements types.',
    startDate: daysFromNow(14),
    endDate: daysFromNow(27),
    estimatedHours: 40,
    ...overrides,
  };
}
