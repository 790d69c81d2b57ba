import pg from 'pg';
import { BookingRpc, type AssignmentView, type ExpertiseDomainCode, type AvailabilityView, type ProfessionalView, type ServiceRequestView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

/**
 * An attempt at assigning a request that books a professional and then dies before its assignment
 * commits. Postgres itself ends the attempt: a trigger on matching's assignment table terminates the
 * connection that inserts, the number of times it is armed for (a sequence, which no rollback undoes).
 */
async function armAssignmentKiller(db: pg.Client): Promise<void> {
  await db.query(`CREATE SEQUENCE IF NOT EXISTS public.assignment_killer_shots`);
  await db.query(`CREATE TABLE IF NOT EXISTS public.assignment_killer (armed int NOT NULL)`);
  await db.query(`CREATE OR REPLACE FUNCTION public.kill_assignment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('public.assignment_killer_shots') <= (SELECT coalesce(max(armed), 0) FROM public.assignment_killer) THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE OR REPLACE TRIGGER assignment_killer BEFORE INSERT ON matching.assignment FOR EACH ROW EXECUTE FUNCTION public.kill_assignment_insert()`);
}

/** How many assignment inserts were attempted (the killed ones included). */
async function assignmentInserts(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM public.assignment_killer_shots');
  return rows[0].is_called ? Number(rows[0].last_value) : 0;
}

/** The next `times` assignment inserts die. */
async function killNextInserts(db: pg.Client, times: number): Promise<void> {
  const armed = (await assignmentInserts(db)) + times;
  await db.query('TRUNCATE public.assignment_killer');
  await db.query('INSERT INTO public.assignment_killer (armed) VALUES ($1)', [armed]);
}

describe('crash-safe assignment: a retry adopts or releases what an attempt that died booked', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  let db: pg.Client;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway'], { BOOKING_RECONCILE_MS: '0' });
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    await armAssignmentKiller(db);
  });
  afterAll(async () => {
    await db?.end();
    await stack?.dispose();
  });

  // One week, 20 h, for someone with 35 h a week: a second booking of the same 20 h cannot fit.
  const window = { startDate: weekDay(2), endDate: weekDay(2, 4) };
  // Each test has a domain of its own, so no test's professionals are another's candidates.
  const hire = async (domain: ExpertiseDomainCode, fullName: string, weeklyCapacityHours = 35) => {
    const response = await call<ProfessionalView>(url, 'POST', '/v1/professionals', {
      key: coordinator,
      body: aProfessional({ fullName, domains: [{ code: domain, level: 5, years: 15 }], weeklyCapacityHours, languages: ['fr'] }),
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const submit = async (domain: ExpertiseDomainCode, autoAssign: boolean) => {
    const member = await createMember(url, { sector: 'housing', autoAssign });
    const partner = (await issueKey(url, 'partner', member.id)).key;
    const response = await call<ServiceRequestView>(url, 'POST', '/v1/requests', {
      key: partner,
      body: { domain, title: 'Congrès annuel', description: 'Organisation du congrès et de l’assemblée générale.', estimatedHours: 20, ...window },
    });
    expect(response.status).toBe(202);
    return response.body.id;
  };
  const settled = (id: string, status: string) =>
    eventually(async () => {
      const request = (await call<ServiceRequestView>(url, 'GET', `/v1/requests/${id}`, { key: coordinator })).body;
      expect(request.status).toBe(status);
      return request;
    }, 30_000);
  const booked = async (professionalId: string) =>
    (await call<AvailabilityView>(url, 'GET', `/v1/professionals/${professionalId}/availability?from=${window.startDate}&to=${window.endDate}`, { key: coordinator })).body
      .bookedHours;
  const bookingsOf = async (requestId: string) => (await stack.app('gateway').get(RpcClient).send(BookingRpc.ofRequest, { requestId })).items;
  const searchable = (domain: ExpertiseDomainCode, professionalId: string) =>
    eventually(async () => {
      const response = await call<{ candidates: Array<{ professionalId: string; available: boolean }> }>(url, 'POST', '/v1/matches/search', {
        key: coordinator,
        body: { domain, hours: 20, language: 'fr', ...window, limit: 50 },
      });
      expect(response.body.candidates.find((c) => c.professionalId === professionalId)?.available).toBe(true);
    }, 30_000);

  it('an automatic assignment whose first attempt died after booking is assigned by the retry, booked once', async () => {
    const organiser = await hire('events', 'Annie Bergeron');
    await searchable('events', organiser.id);
    await killNextInserts(db, 1);
    const before = await assignmentInserts(db);

    const requestId = await submit('events', true);
    const request = await settled(requestId, 'assigned');

    // One assignment, two inserts: the attempt that died and the retry.
    expect(await assignmentInserts(db)).toBe(before + 2);
    expect(request.assignment?.professionalId).toBe(organiser.id);
    expect(await booked(organiser.id)).toBe(20);
    expect(await bookingsOf(requestId)).toEqual([expect.objectContaining({ assignmentId: request.assignment!.id, professionalId: organiser.id, hours: 20 })]);
  });

  it('a decline whose re-match died after booking the next professional is assigned to them by the retry', async () => {
    const pair = [await hire('hr', 'Bernard Premier'), await hire('hr', 'Claire Seconde')];
    await Promise.all(pair.map((professional) => searchable('hr', professional.id)));
    const requestId = await submit('hr', true);
    const first = (await settled(requestId, 'assigned')).assignment!;
    const next = pair.find((professional) => professional.id !== first.professionalId)!;
    await killNextInserts(db, 1);
    const before = await assignmentInserts(db);

    const declined = await call(url, 'POST', `/v1/assignments/${first.id}/decline`, { key: coordinator, body: { reason: 'Conflit d’intérêts' } });
    expect(declined.status).toBe(200);
    const request = await eventually(async () => {
      const current = await settled(requestId, 'assigned');
      expect(current.assignment?.professionalId).toBe(next.id);
      return current;
    }, 30_000);

    expect(await assignmentInserts(db)).toBe(before + 2);
    expect(await booked(first.professionalId)).toBe(0);
    expect(await booked(next.id)).toBe(20);
    expect(await bookingsOf(requestId)).toEqual([expect.objectContaining({ assignmentId: request.assignment!.id, professionalId: next.id })]);
  });

  it('a coordinator’s assignment that died after booking is adopted when the coordinator tries again', async () => {
    const organiser = await hire('legal', 'Denis Troisième');
    await searchable('legal', organiser.id);
    const requestId = await submit('legal', false);
    await settled(requestId, 'pending_review');
    // What the attempt that died left: a booking that names the request, and no assignment.
    const leftBehind = '6a0c1e2f-3b4d-4e5f-8a6b-7c8d9e0f1a2b';
    await stack.app('gateway').get(RpcClient).send(BookingRpc.reserve, { assignmentId: leftBehind, professionalId: organiser.id, requestId, hours: 20, ...window });
    expect(await booked(organiser.id)).toBe(20);

    const retried = await call<AssignmentView>(url, 'POST', `/v1/requests/${requestId}/assignments`, { key: coordinator, body: { professionalId: organiser.id } });

    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(leftBehind);
    expect(await booked(organiser.id)).toBe(20);
    await settled(requestId, 'assigned');
  });

  it('a coordinator who picks someone else frees what the attempt that died booked', async () => {
    const [first, second] = [await hire('marketing', 'Étienne Quatrième'), await hire('marketing', 'Fanny Cinquième')];
    await Promise.all([searchable('marketing', first.id), searchable('marketing', second.id)]);
    const requestId = await submit('marketing', false);
    await settled(requestId, 'pending_review');
    await stack.app('gateway').get(RpcClient).send(BookingRpc.reserve, {
      assignmentId: '7b1d2f30-4c5e-4f60-9b7c-8d9e0f1a2b3c',
      professionalId: first.id,
      requestId,
      hours: 20,
      ...window,
    });

    const other = await call<AssignmentView>(url, 'POST', `/v1/requests/${requestId}/assignments`, { key: coordinator, body: { professionalId: second.id } });

    expect(other.status).toBe(201);
    expect(await booked(first.id)).toBe(0);
    expect(await booked(second.id)).toBe(20);
  });

  it('an override back to the first professional books them again, while the replaced booking is still being given back', async () => {
    // Room for two bookings of the window, so the new one fits beside the replaced one not yet released.
    const first = await hire('it', 'Hélène Septième', 45);
    const second = await hire('it', 'Igor Huitième');
    await Promise.all([searchable('it', first.id), searchable('it', second.id)]);
    const requestId = await submit('it', false);
    await settled(requestId, 'pending_review');
    const assignTo = (professionalId: string) =>
      call<AssignmentView>(url, 'POST', `/v1/requests/${requestId}/assignments`, { key: coordinator, body: { professionalId } });
    const original = (await assignTo(first.id)).body;

    // The replaced booking's release waits on this row lock, as it would on a slow or restarting
    // professionals service: the replaced assignment has ended, its hours are not given back yet.
    const holder = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM professionals.booking WHERE assignment_id = $1 FOR UPDATE', [original.id]);
      expect((await assignTo(second.id)).status).toBe(201);
      const back = assignTo(first.id);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await holder.query('COMMIT');
      const again = await back;

      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(original.id);
      await eventually(async () => {
        expect(await bookingsOf(requestId)).toEqual([expect.objectContaining({ assignmentId: again.body.id, professionalId: first.id, hours: 20 })]);
        expect(await booked(first.id)).toBe(20);
        expect(await booked(second.id)).toBe(0);
      }, 30_000);
    } finally {
      await holder.end();
    }
  });

  it('a cancelled request frees what an attempt that died booked for it', async () => {
    const organiser = await hire('web', 'Gisèle Sixième');
    await searchable('web', organiser.id);
    const requestId = await submit('web', false);
    await settled(requestId, 'pending_review');
    await stack.app('gateway').get(RpcClient).send(BookingRpc.reserve, {
      assignmentId: '8c2e3041-5d6f-4071-8c8d-9e0f1a2b3c4d',
      professionalId: organiser.id,
      requestId,
      hours: 20,
      ...window,
    });

    const cancelled = await call(url, 'POST', `/v1/requests/${requestId}/cancel`, { key: coordinator, body: { reason: 'reporté' } });

    expect(cancelled.status).toBe(200);
    await eventually(async () => expect(await booked(organiser.id)).toBe(0), 20_000);
  });
});
