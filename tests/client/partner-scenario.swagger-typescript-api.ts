// The partner scenario of partner-scenario.ts, written against the client of a second, independent
// generator (swagger-typescript-api): it must type-check against what that generator makes of the
// running gateway's document (tests/client/tsconfig.json) and then work against it.
import { Api, ExpertiseDomainCode, type HttpResponse, type ProblemDocument, type SubmitServiceRequestBody, Urgency } from './generated/swagger-typescript-api/coop-api.js';
import type { ScenarioResult } from './scenario-result.js';

/** Submit, follow, list, cancel; then read a request that does not exist, in French. */
export async function runPartnerScenario(baseUrl: string, apiKey: string, window: { startDate: string; endDate: string }): Promise<ScenarioResult> {
  const api = new Api({ baseUrl, baseApiParams: { headers: { authorization: `Bearer ${apiKey}` } } });
  const idempotencyKey = `scenario-sta-${Date.now()}`;
  const body: SubmitServiceRequestBody = {
    domain: ExpertiseDomainCode.Events,
    title: 'Remplacement de la coordonnatrice du congrès annuel',
    description: 'Notre coordonnatrice vient de partir, à deux semaines du congrès et de l’assemblée générale annuelle.',
    startDate: window.startDate,
    endDate: window.endDate,
    estimatedHours: 60,
    urgency: Urgency.Critical,
    onSite: true,
  };

  const submit = () => api.v1.requestsSubmit(body, { headers: { 'Idempotency-Key': idempotencyKey } });
  const first = await submit();
  const again = await submit();
  const id = first.data.id;
  const followed = await api.v1.requestsGet(id);
  const listed = await api.v1.requestsList({ domain: ExpertiseDomainCode.Events, limit: 20 });
  const cancelled = await api.v1.requestsCancel(id, { reason: 'Le congrès est reporté' });

  // This client throws the answer of a failed call, with the problem document as `error`.
  const refusal = await api.v1.requestsGet('00000000-0000-4000-8000-000000000000', { headers: { 'accept-language': 'fr' } }).then(
    () => {
      throw new Error('reading a request that does not exist succeeded');
    },
    (failure: HttpResponse<unknown, ProblemDocument>) => failure.error,
  );

  return {
    submitted: first.data,
    replayed: again.headers.get('idempotent-replayed') === 'true',
    followed: followed.data,
    listed: listed.data.items,
    cancelled: cancelled.data,
    refusal,
  };
}
