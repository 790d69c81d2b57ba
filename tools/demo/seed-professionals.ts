/**
 * Loads the demo professionals through the gateway API, the way a coordinator would. Idempotent:
 * professionals whose email is already registered are left alone. Called by `npm start`'s seed hook.
 */
import { DEMO_PROFESSIONALS } from './demo-professionals.js';

export interface SeedOptions {
  gatewayUrl: string;
  apiKey: string;
  log: (line: string) => void;
}

interface Page {
  items: Array<{ email: string }>;
  nextCursor: string | null;
}

export async function seedProfessionals(options: SeedOptions): Promise<{ lines: string[] }> {
  const existing = await registeredEmails(options);
  let created = 0;
  for (const professional of DEMO_PROFESSIONALS) {
    if (existing.has(professional.email.toLowerCase())) continue;
    const response = await request(options, 'POST', '/v1/professionals', professional);
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

async function registeredEmails(options: SeedOptions): Promise<Set<string>> {
  const emails = new Set<string>();
  let cursor: string | null = null;
  do {
    const response = await request(options, 'GET', `/v1/professionals?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!response.ok) throw new Error(`GET /v1/professionals answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as Page;
    for (const item of page.items) emails.add(item.email.toLowerCase());
    cursor = page.nextCursor;
  } while (cursor);
  return emails;
}

function request(options: SeedOptions, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${options.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${options.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}
