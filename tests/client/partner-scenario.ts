// A partner system's code written against the generated client: it must type-check against the
// types generated from the running gateway (tests/client/tsconfig.json) and then work against it.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi-typescript/coop-api.js';
import type { ScenarioResult } from './scenario-result.js';

/** Submit, follow, list, cancel; then read a request that does not exist, in French. */
export async function runPartnerScenario(baseUrl: string, apiKey: string, window: { startDate: string; endDate: string }): Promise<ScenarioResult> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
  const idempotencyKey = `scenario-${Date.now()}`;
  const body: components['schemas']['SubmitServiceRequestBody'] = {
    domain: 'events',
    title: 'Remplacement de la coordonnatrice du congrès annuel',
    description: 'Notre coordonnatrice vient de partir, à deux semaines du congrès et de l’assemblée générale annuelle.',
    startDate: window.startDate,
    endDate: window.endDate,
    estimatedHours: 60,
    urgency: 'critical',
    onSite: true,
  };

  const submit = () => api.POST('/v1/requests', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body });
  const first = await submit();
  if (!first.data) throw new Error(`submitting failed: ${JSON.stringify(first.error)}`);
  const again = await submit();
  const id = first.data.id;

  const followed = await api.GET('/v1/requests/{id}', { params: { path: { id } } });
  if (!followed.data) throw new Error(`following failed: ${JSON.stringify(followed.error)}`);

  const listed = await api.GET('/v1/requests', { params: { query: { domain: 'events', limit: 20 } } });
  if (!listed.data) throw new Error(`listing failed: ${JSON.stringify(listed.error)}`);

  const cancelled = await api.POST('/v1/requests/{id}/cancel', { params: { path: { id } }, body: { reason: 'Le congrès est reporté' } });
  if (!cancelled.data) throw new Error(`cancelling failed: ${JSON.stringify(cancelled.error)}`);

  const missing = await api.GET('/v1/requests/{id}', {
    params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    headers: { 'accept-language': 'fr' },
  });
  if (!missing.error) throw new Error('reading a request that does not exist succeeded');

  return {
    submitted: first.data,
    replayed: again.response.headers.get('idempotent-replayed') === 'true',
    followed: followed.data,
    listed: listed.data.items,
    cancelled: cancelled.data,
    refusal: missing.error,
  };
}
