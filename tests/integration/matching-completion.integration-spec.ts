import { formatDay, today } from '@coop/contracts';
import type { AssignmentPage, AssignmentView, AvailabilityView, MatchListView, ProfessionalView, ServiceRequestView, StatementView } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

const TIME_ZONE = 'America/Toronto'; // the services' default

describe('matching: completing assignments and the at-cost statement', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  let professional: ProfessionalView;
  let member: { id: string; partner: string };
  let otherPartner: string;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway']);
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    const hired = await call<ProfessionalView>(url, 'POST', '/v1/professionals', {
      key: coordinator,
      body: aProfessional({ domains: [{ code: 'accounting', level: 4, years: 9 }], weeklyCapacityHours: 30, costRate: 120 }),
    });
    expect(hired.status).toBe(201);
    professional = hired.body;
    const own = await createMember(url, { autoAssign: true });
    member = { id: own.id, partner: (await issueKey(url, 'partner', own.id)).key };
    otherPartner = (await issueKey(url, 'partner', (await createMember(url)).id)).key;
    await eventually(async () => {
      const found = await call<MatchListView>(url, 'POST', '/v1/matches/search', {
        key: coordinator,
        body: { domain: 'accounting', startDate: weekDay(1), endDate: weekDay(1, 4), estimatedHours: 5, language: 'fr' },
      });
      expect(found.body.candidates.map((candidate) => candidate.professionalId)).toContain(professional.id);
    }, 20_000);
  });
  afterAll(() => stack.dispose());

  /** Submits as the member's partner and waits until matching assigned it; answers the active assignment. */
  const assigned = async (startDate: string, endDate: string, estimatedHours: number): Promise<AssignmentView> => {
    const submitted = await call<ServiceRequestView>(url, 'POST', '/v1/requests', {
      key: member.partner,
      body: { domain: 'accounting', title: 'Fin d’exercice', description: 'États financiers', startDate, endDate, estimatedHours, language: 'fr' },
    });
    expect(submitted.status).toBe(202);
    return eventually(async () => {
      const page = await call<AssignmentPage>(url, 'GET', `/v1/assignments?professionalId=${professional.id}&status=active`, { key: coordinator });
      const assignment = page.body.items.find((item) => item.requestId === submitted.body.id);
      expect(assignment).toBeDefined();
      return assignment!;
    }, 20_000);
  };
  const booked = async (from: string, to: string) =>
    (await call<AvailabilityView>(url, 'GET', `/v1/professionals/${professional.id}/availability?from=${from}&to=${to}`, { key: coordinator })).body.bookedHours;
  const thisMonth = () => formatDay(today(TIME_ZONE)).slice(0, 7);

  let completed: AssignmentView;
  let stillActive: AssignmentView;

  it('completes an assignment with the hours spent, and gives back the weeks after the day it was done', async () => {
    // From today to the end of the week after next: this week's part stays booked, the rest comes back.
    completed = await assigned(formatDay(today(TIME_ZONE)), weekDay(2, 4), 24);
    const later = [weekDay(1), weekDay(2, 4)] as const;
    expect(await booked(...later)).toBeGreaterThan(0);

    const done = await call<AssignmentView>(url, 'POST', `/v1/assignments/${completed.id}/complete`, { key: coordinator, body: { hoursSpent: 12.5 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', hoursSpent: 12.5 });

    await eventually(async () => expect(await booked(...later)).toBe(0), 15_000);
    await eventually(async () => {
      const request = await call<ServiceRequestView>(url, 'GET', `/v1/requests/${completed.requestId}`, { key: coordinator });
      expect(request.body.status).toBe('completed');
    });
  });

  it('bills the month at cost: hours spent when completed, booked hours while active', async () => {
    stillActive = await assigned(weekDay(3), weekDay(3, 4), 10);

    const statement = await call<StatementView>(url, 'GET', `/v1/members/${member.id}/statement?month=${thisMonth()}`, { key: member.partner });

    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ memberId: member.id, month: thisMonth(), currency: 'CAD', totalHours: 22.5, totalAmount: 2700 });
    expect(statement.body.lines).toEqual([
      { assignmentId: completed.id, requestId: completed.requestId, professionalId: professional.id, status: 'completed', hours: 12.5, costRate: 120, amount: 1500, shareId: null },
      { assignmentId: stillActive.id, requestId: stillActive.requestId, professionalId: professional.id, status: 'active', hours: 10, costRate: 120, amount: 1200, shareId: null },
    ]);
    const empty = await call<StatementView>(url, 'GET', `/v1/members/${member.id}/statement?month=2020-01`, { key: coordinator });
    expect(empty.body).toMatchObject({ lines: [], totalHours: 0, totalAmount: 0 });
  });

  it("keeps a member's statement from other members' partners, and names a wrong month", async () => {
    const foreign = await call(url, 'GET', `/v1/members/${member.id}/statement?month=${thisMonth()}`, { key: otherPartner });
    expect(foreign.status).toBe(404);

    const wrong = await call<{ errors?: Array<{ field: string }> }>(url, 'GET', `/v1/members/${member.id}/statement?month=2026-13`, { key: coordinator });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.errors?.map((error) => error.field)).toEqual(['month']);
  });
});
