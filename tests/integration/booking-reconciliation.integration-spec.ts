import { randomUUID } from 'node:crypto';
import type { AvailabilityView, MatchListView, ProfessionalView, ServiceRequestView } from '@coop/contracts';
import { BookingRpc } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

/** Bookings count as orphaned once this old (in production: minutes). */
const GRACE_MS = 1_500;

describe('matching gives back bookings no assignment holds', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  let rpc: RpcClient;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway'], {
      BOOKING_RECONCILE_MS: '300',
      BOOKING_RECONCILE_GRACE_MS: String(GRACE_MS),
    });
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    rpc = stack.app('gateway').get(RpcClient);
  });
  afterAll(() => stack.dispose());

  const bookedHours = async (professionalId: string, from: string, to: string) =>
    (await call<AvailabilityView>(url, 'GET', `/v1/professionals/${professionalId}/availability?from=${from}&to=${to}`, { key: coordinator })).body.bookedHours;

  it('releases a booking left without an assignment, and keeps the one an assignment holds', async () => {
    const [start, end] = [weekDay(4), weekDay(4, 4)];
    const hired = await call<ProfessionalView>(url, 'POST', '/v1/professionals', {
      key: coordinator,
      body: aProfessional({ domains: [{ code: 'events', level: 4, years: 8 }], weeklyCapacityHours: 30 }),
    });
    expect(hired.status).toBe(201);
    const professionalId = hired.body.id;

    // A real assignment, made by automatic assignment once search knows the professional.
    await eventually(async () => {
      const response = await call<MatchListView>(url, 'POST', '/v1/matches/search', {
        key: coordinator,
        body: { domain: 'events', startDate: start, endDate: end, hours: 10, language: 'fr' },
      });
      expect(response.body.candidates.map((candidate) => candidate.professionalId)).toContain(professionalId);
    }, 20_000);
    const member = await createMember(url, { autoAssign: true });
    const partner = (await issueKey(url, 'partner', member.id)).key;
    const response = await call<ServiceRequestView>(url, 'POST', '/v1/requests', {
      key: partner,
      body: { domain: 'events', title: 'Assemblée générale', description: 'Logistique', startDate: start, endDate: end, estimatedHours: 10, language: 'fr' },
    });
    expect(response.status).toBe(202);
    const submitted = response.body.id;
    await eventually(async () => {
      const request = await call<ServiceRequestView>(url, 'GET', `/v1/requests/${submitted}`, { key: coordinator });
      expect(request.body.status).toBe('assigned');
    }, 20_000);

    // A booking whose assignment never committed (as after a failed transaction).
    const orphan = randomUUID();
    await rpc.send(BookingRpc.reserve, { assignmentId: orphan, professionalId, startDate: start, endDate: end, hours: 12 });
    expect(await bookedHours(professionalId, start, end)).toBe(22);

    await eventually(async () => expect(await bookedHours(professionalId, start, end)).toBe(10), 15_000);
    expect(await rpc.send(BookingRpc.release, { assignmentId: orphan })).toEqual({ assignmentId: orphan, released: false });
    // Passes after that leave the assignment's booking alone.
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1_000));
    expect(await bookedHours(professionalId, start, end)).toBe(10);
  });
});
