/**
 * Loads the demo professionals through the gateway API, the way a coordinator would. Idempotent:
 * professionals whose email is already registered are left alone. Called by `npm start`'s seed hook.
 */
import { dateInDays } from './demo-dates.js';
import { DEMO_PROFESSIONALS } from './demo-professionals.js';
import { GatewayClient } from './gateway-client.js';

/**
 * Time off of a few demo professionals, so the capacity map shows some and a request for next
 * week's events finds its best organiser away (the nearest fits then say what would work).
 */
const DEMO_TIME_OFF: Record<string, { startInDays: number; durationDays: number; reason: string }> = {
  'annie.bergeron@consortium-coop.example': { startInDays: 5, durationDays: 11, reason: 'Vacances' },
  'francois.girard@consortium-coop.example': { startInDays: 20, durationDays: 14, reason: 'Congé des fêtes' },
  'sophie.cote@consortium-coop.example': { startInDays: 40, durationDays: 4, reason: 'Formation' },
};

export interface SeedOptions {
  gatewayUrl: string;
  apiKey: string;
  log: (line: string) => void;
}

export async function seedProfessionals(options: SeedOptions): Promise<{ lines: string[] }> {
  const api = new GatewayClient(options.gatewayUrl);
  const registered = await api.all<{ email: string }>('/v1/professionals', options.apiKey);
  const existing = new Set(registered.map((professional) => professional.email.toLowerCase()));
  let created = 0;
  for (const professional of DEMO_PROFESSIONALS) {
    if (existing.has(professional.email.toLowerCase())) continue;
    const response = await api.send('POST', '/v1/professionals', options.apiKey, professional);
    // 409: registered meanwhile by someone else; that is what we wanted.
    if (response.status !== 201 && response.status !== 409) {
      throw new Error(`POST /v1/professionals for ${professional.email} answered ${response.status}: ${await response.text()}`);
    }
    if (response.status !== 201) continue;
    created += 1;
    const timeOff = DEMO_TIME_OFF[professional.email];
    if (timeOff) {
      const { id } = (await response.json()) as { id: string };
      const { startInDays, durationDays, reason } = timeOff;
      await api.json('POST', `/v1/professionals/${id}/time-off`, options.apiKey, { startDate: dateInDays(startInDays), endDate: dateInDays(startInDays + durationDays), reason });
    }
  }
  const active = DEMO_PROFESSIONALS.filter((professional) => professional.active).length;
  options.log(`professionals: ${created} created, ${DEMO_PROFESSIONALS.length - created} already there`);
  return { lines: [`Professionals: ${DEMO_PROFESSIONALS.length} demo professionals (${active} active)`] };
}
