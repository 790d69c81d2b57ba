import type { RequestStatus, ServiceRequestView } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { call } from './http.js';

/** Waits until the request, as the gateway shows it, has one of `statuses`, and returns it. */
export function settledRequest(url: string, key: string, id: string, statuses: RequestStatus[], timeoutMs = 20_000): Promise<ServiceRequestView> {
  return eventually(async () => {
    const request = (await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key })).body;
    expect(statuses).toContain(request.status);
    return request;
  }, timeoutMs);
}
