/**
 * Loads the demo professionals through the gateway API, the way a coordinator would. Idempotent:
 * professionals whose email is already registered are left alone. Called by `npm start`'s seed hook.
 */
import { DEMO_PROFESSIONALS } from './demo-professionals.js';
import { GatewayClient } from './gateway-client.js';

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
    if (response.status === 201) created += 1;
  }
  const active = DEMO_PROFESSIONALS.filter((professional) => professional.active).length;
  options.log(`professionals: ${created} created, ${DEMO_PROFESSIONALS.length - created} already there`);
  return { lines: [`Professionals: ${DEMO_PROFESSIONALS.length} demo professionals (${active} active)`] };
}
