import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  AvailabilityRpc,
  BookingRpc,
  DomainException,
  ErrorCode,
  freeHoursField,
  parseDay,
  weekLabel,
  type AvailabilityView,
  type BookingView,
  type ProfessionalView,
  type TimeOffView,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, searchIndex, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };

// The first writes to a new Meilisearch index are slow (each test file has its own index).
const INDEX_WARM_UP_MS = 20_000;

describe('professionals: time off, bookings and the weekly availability invariant', () => {
  let stack: TestStack;
  let url: string;
  let key: string;
  // Professionals are the coordinators' business (an admin key may not manage them).
  const api = <T = unknown>(method: string, path: string, options: { body?: unknown } = {}) => call<T>(url, method, path, { ...options, key });
  let rpc: RpcClient;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'gateway']);
    url = stack.gatewayUrl();
    key = (await issueKey(url, 'coordinator')).key;
    rpc = stack.app('gateway').get(RpcClient);
  });
  afterAll(() => stack.dispose());

  const create = async (overrides: Parameters<typeof aProfessional>[0] = {}) => {
    const response = await api<ProfessionalView>('POST', '/v1/professionals', { body: aProfessional(overrides) });
    expect(response.status).toBe(201);
    return response.body;
  };
  const availability = async (id: string, from: string, to: string) => {
    const response = await api<AvailabilityView>('GET', `/v1/professionals/${id}/availability?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const reserve = (professionalId: string, startDate: string, endDate: string, hours: number, assignmentId: string = randomUUID()) =>
    rpc.send(BookingRpc.reserve, { assignmentId, professionalId, startDate, endDate, hours });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as DomainException);
  const weekA = weekDay(2);
  const weekB = weekDay(3);

  it('counts time off and bookings in each week, over the API and in the index', async () => {
    const professional = await create({ weeklyCapacityHours: 35 });
    // Wednesday to Sunday off: three working days of 7 h; the weekend changes nothing.
    const timeOff = await api<TimeOffView>('POST', `/v1/professionals/${professional.id}/time-off`, {
      body: { startDate: weekDay(2, 2), endDate: weekDay(2, 6), reason: 'Congrès' },
    });
    expect(timeOff.status).toBe(201);
    // 20 h over the ten working days of weeks A and B: 10 h in each, days off included.
    const booking = await reserve(professional.id, weekA, weekDay(3, 4), 20);
    expect(booking.weeks).toEqual([
      { week: weekLabel(parseDay(weekA)), weekStart: weekA, hours: 10 },
      { week: weekLabel(parseDay(weekB)), weekStart: weekB, hours: 10 },
    ]);

    const view = await availability(professional.id, weekA, weekDay(3, 6));
    expect(view.weeks.map(({ weekStart, capacityHours, bookedHours, freeHours, timeOffDays }) => ({ weekStart, capacityHours, bookedHours, freeHours, timeOffDays }))).toEqual([
      { weekStart: weekA, capacityHours: 14, bookedHours: 10, freeHours: 4, timeOffDays: [weekDay(2, 2), weekDay(2, 3), weekDay(2, 4)] },
      { weekStart: weekB, capacityHours: 35, bookedHours: 10, freeHours: 25, timeOffDays: [] },
    ]);
    expect(view).toMatchObject({ workingDays: 10, capacityHours: 49, bookedHours: 20, freeHours: 29, maxReservableHours: 8 });
    expect(view.timeOff.map((range) => range.id)).toEqual([timeOff.body.id]);

    const index = searchIndex(stack);
    const fieldA = freeHoursField(parseDay(weekA));
    const fieldB = freeHoursField(parseDay(weekB));
    // The time off shows (week A's capacity is 14 h). A booking alone is not re-indexed: the index,
    // a pre-filter, may show more free hours than there are (here 14 and 35), never fewer (4 and 25).
    await eventually(async () => {
      const { hits } = await index.search('', { filter: `freeHours.${fieldA} >= 4 AND freeHours.${fieldA} <= 14 AND freeHours.${fieldB} >= 25` });
      expect(hits.map((hit) => hit.id)).toContain(professional.id);
    }, INDEX_WARM_UP_MS);

    // Giving the week back its days and the booking its hours shows up the same way.
    expect((await api('DELETE', `/v1/professionals/${professional.id}/time-off/${timeOff.body.id}`)).status).toBe(204);
    expect(await rpc.send(BookingRpc.release, { assignmentId: booking.assignmentId })).toEqual({ assignmentId: booking.assignmentId, released: true });
    expect(await rpc.send(BookingRpc.release, { assignmentId: booking.assignmentId })).toEqual({ assignmentId: booking.assignmentId, released: false });
    expect((await availability(professional.id, weekA, weekDay(3, 6))).weeks.map((week) => week.freeHours)).toEqual([35, 35]);
    await eventually(async () => {
      // Everyone free both weeks matches: ask for all of them, not the default first 20.
      const { hits } = await index.search('', { filter: `freeHours.${fieldA} = 35 AND freeHours.${fieldB} = 35`, limit: 1000 });
      expect(hits.map((hit) => hit.id)).toContain(professional.id);
    });
  });

  it('refuses time off or a lower capacity that would leave a week with less than its bookings', async () => {
    const professional = await create({ weeklyCapacityHours: 35 });
    await api('POST', `/v1/professionals/${professional.id}/time-off`, { body: { startDate: weekDay(2, 2), endDate: weekDay(2, 4) } });
    await reserve(professional.id, weekA, weekDay(3, 4), 20); // 10 h in each week; week A has 14 h

    const moreTimeOff = await api<Problem>('POST', `/v1/professionals/${professional.id}/time-off`, { body: { startDate: weekA, endDate: weekDay(2, 1) } });
    expect(moreTimeOff.status).toBe(409);
    expect(moreTimeOff.body.code).toBe('capacity_exceeded');
    expect(moreTimeOff.body.detail).toContain(`${weekLabel(parseDay(weekA))} would have 0 h for 10 h booked`);

    const overlapping = await api<Problem>('POST', `/v1/professionals/${professional.id}/time-off`, { body: { startDate: weekDay(2, 4), endDate: weekDay(3, 0) } });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.code).toBe('conflict');

    // 10 h a week leaves week A 4 h (three days off) for its 10 h booked; week B exactly fits.
    const lower = await api<Problem>('PATCH', `/v1/professionals/${professional.id}`, { body: { weeklyCapacityHours: 10 } });
    expect(lower.status).toBe(409);
    expect(lower.body.detail).toContain(weekLabel(parseDay(weekA)));
    expect(lower.body.detail).not.toContain(weekLabel(parseDay(weekB)));
    expect((await api<ProfessionalView>('GET', `/v1/professionals/${professional.id}`)).body.weeklyCapacityHours).toBe(35);

    // 25 h a week gives week A exactly its 10 h (two days of 5 h).
    const enough = await api<ProfessionalView>('PATCH', `/v1/professionals/${professional.id}`, { body: { weeklyCapacityHours: 25 } });
    expect(enough.status).toBe(200);
    expect((await availability(professional.id, weekA, weekDay(3, 6))).weeks.map((week) => [week.capacityHours, week.bookedHours])).toEqual([
      [10, 10],
      [25, 10],
    ]);
  });

  it('books exactly as many of 50 concurrent reservations as fit, and never overbooks a week', async () => {
    const professional = await create({ weeklyCapacityHours: 10 });
    // 2 h from Thursday of week A to Wednesday of week B: 0.8 h in A and 1.2 h in B, so B fits 8.
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => reserve(professional.id, weekDay(2, 3), weekDay(3, 2), 2)));

    const booked = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as DomainException] : []));
    expect(booked).toHaveLength(8);
    expect(refused).toHaveLength(42);
    expect(new Set(refused.map((error) => error.code))).toEqual(new Set([ErrorCode.CapacityExceeded]));
    expect(refused[0].message).toContain(weekLabel(parseDay(weekB)));

    const weeks = (await availability(professional.id, weekA, weekDay(3, 6))).weeks;
    expect(weeks.map((week) => [week.bookedHours, week.capacityHours])).toEqual([
      [6.4, 10],
      [9.6, 10],
    ]);
    // The ledger agrees with the bookings it was built from.
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ ledger: string; parts: string }>(
        `SELECT (SELECT sum(booked_hours) FROM professionals.availability_week WHERE professional_id = $1) AS ledger,
                (SELECT sum(w.hours) FROM professionals.booking_week w JOIN professionals.booking b USING (assignment_id) WHERE b.professional_id = $1) AS parts`,
        [professional.id],
      );
      expect(Number(rows[0].ledger)).toBe(16);
      expect(Number(rows[0].parts)).toBe(16);
    } finally {
      await client.end();
    }
  });

  it('books a duplicate reservation once, however many times and however concurrently it comes', async () => {
    const professional = await create({ weeklyCapacityHours: 35 });
    const assignmentId = randomUUID();
    const bookings = await Promise.all(Array.from({ length: 5 }, () => reserve(professional.id, weekA, weekDay(2, 4), 10, assignmentId)));
    expect(new Set(bookings.map((booking: BookingView) => JSON.stringify(booking))).size).toBe(1);
    expect((await reserve(professional.id, weekA, weekDay(2, 4), 10, assignmentId)).assignmentId).toBe(assignmentId);
    expect((await availability(professional.id, weekA, weekDay(2, 4))).weeks[0].bookedHours).toBe(10);

    const otherTerms = await failure(reserve(professional.id, weekA, weekDay(2, 4), 12, assignmentId));
    expect(otherTerms?.code).toBe(ErrorCode.Conflict);
  });

  it('resizes a booking within capacity and refuses to grow it beyond', async () => {
    const professional = await create({ weeklyCapacityHours: 20 });
    const booking = await reserve(professional.id, weekA, weekDay(2, 4), 10);
    expect((await rpc.send(BookingRpc.resize, { assignmentId: booking.assignmentId, hours: 20 })).weeks[0].hours).toBe(20);
    const tooMuch = await failure(rpc.send(BookingRpc.resize, { assignmentId: booking.assignmentId, hours: 20.01 }));
    expect(tooMuch?.code).toBe(ErrorCode.CapacityExceeded);
    expect((await rpc.send(BookingRpc.resize, { assignmentId: booking.assignmentId, hours: 5 })).hours).toBe(5);
    expect((await availability(professional.id, weekA, weekDay(2, 4))).weeks[0].freeHours).toBe(15);
  });

  it('does not book a deactivated professional', async () => {
    const professional = await create();
    await api('PATCH', `/v1/professionals/${professional.id}`, { body: { active: false } });
    const refused = await failure(reserve(professional.id, weekA, weekDay(2, 4), 5));
    expect(refused?.code).toBe(ErrorCode.Conflict);
    expect(refused?.message).toContain('inactive');
  });

  it('answers the matcher for many professionals over one window', async () => {
    const busy = await create({ weeklyCapacityHours: 35 });
    const free = await create({ weeklyCapacityHours: 21 });
    await reserve(busy.id, weekA, weekDay(2, 4), 30);
    const unknown = randomUUID();

    const { items } = await rpc.send(AvailabilityRpc.batch, { professionalIds: [free.id, unknown, busy.id], startDate: weekA, endDate: weekDay(2, 4) });

    expect(items.map((item) => [item.professionalId, item.freeHours, item.maxReservableHours])).toEqual([
      [free.id, 21, 21],
      [busy.id, 5, 5],
    ]);
  });

  describe('validation', () => {
    it('names the date fields of time off and availability that are wrong', async () => {
      const professional = await create();
      const cases: Array<[string, string, unknown, string[]]> = [
        ['POST', `/v1/professionals/${professional.id}/time-off`, { startDate: '2026-02-30', endDate: '2026-03-02' }, ['startDate']],
        ['POST', `/v1/professionals/${professional.id}/time-off`, { startDate: weekDay(2, 3), endDate: weekDay(2, 1) }, ['endDate']],
        ['POST', `/v1/professionals/${professional.id}/time-off`, { startDate: weekA, endDate: weekA, note: 'x' }, ['note']],
        ['GET', `/v1/professionals/${professional.id}/availability?from=tomorrow&to=${weekA}`, undefined, ['from']],
        ['GET', `/v1/professionals/${professional.id}/availability?from=${weekB}&to=${weekA}`, undefined, ['to']],
        ['DELETE', `/v1/professionals/${professional.id}/time-off/42`, undefined, ['timeOffId']],
      ];
      for (const [method, path, body, fields] of cases) {
        const response = await api<Problem>(method, path, { body });
        expect({ path, status: response.status, type: response.headers.get('content-type'), fields: response.body.errors?.map((e) => e.field) }).toEqual({
          path,
          status: 400,
          type: expect.stringContaining('application/problem+json'),
          fields,
        });
      }
    });

    it('says in French that a window ends before it starts', async () => {
      const professional = await create();
      const response = await call<Problem>(url, 'GET', `/v1/professionals/${professional.id}/availability?from=${weekB}&to=${weekA}`, {
        key,
        headers: { 'accept-language': 'fr' },
      });
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'to', message: 'to doit être égale ou postérieure à from, et au plus 731 jours après' })]);
    });

    it('refuses a reservation with nowhere to put its hours', async () => {
      const professional = await create();
      const weekendOnly = await failure(reserve(professional.id, weekDay(2, 5), weekDay(2, 6), 3));
      expect(weekendOnly?.code).toBe(ErrorCode.ValidationFailed);
      expect(weekendOnly?.errors?.map((e) => e.field)).toEqual(['endDate']);
    });

    it('answers 404 for time off that is not the professional’s', async () => {
      const professional = await create();
      const response = await api<Problem>('DELETE', `/v1/professionals/${professional.id}/time-off/${randomUUID()}`);
      expect(response.status).toBe(404);
    });
  });
  it('lists the bookings holding capacity page by page, only those made before the given time', async () => {
    const professional = await create();
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID()].sort();
    for (const assignmentId of ids) {
      await rpc.send(BookingRpc.reserve, { assignmentId, professionalId: professional.id, startDate: weekDay(6), endDate: weekDay(6, 4), hours: 1 });
    }
    const listed: string[] = [];
    let after: string | undefined;
    do {
      const page = await rpc.send(BookingRpc.list, { createdBefore: new Date(Date.now() + 60_000).toISOString(), endingFrom: weekDay(6), afterAssignmentId: after, limit: 1 });
      expect(page.items.length).toBeLessThanOrEqual(1);
      listed.push(...page.items.map((booking) => booking.assignmentId));
      after = page.nextAfter;
    } while (after);
    expect(listed.filter((id) => ids.includes(id))).toEqual(ids);

    const earlier = await rpc.send(BookingRpc.list, { createdBefore: new Date(Date.now() - 3_600_000).toISOString(), endingFrom: weekDay(6), limit: 10 });
    expect(earlier.items.filter((booking) => ids.includes(booking.assignmentId))).toEqual([]);
    const ended = await rpc.send(BookingRpc.list, { createdBefore: new Date(Date.now() + 60_000).toISOString(), endingFrom: weekDay(7), limit: 1000 });
    expect(ended.items.filter((booking) => ids.includes(booking.assignmentId))).toEqual([]);
  });
  it('ends a booking early: later weeks given back, earlier ones kept, and again changes nothing', async () => {
    const professional = await create({ weeklyCapacityHours: 30 });
    const booking = await reserve(professional.id, weekDay(1), weekDay(3, 4), 30);
    expect(booking.weeks.map((week) => week.hours)).toEqual([10, 10, 10]);

    const ended = await rpc.send(BookingRpc.end, { assignmentId: booking.assignmentId, endDate: weekDay(1, 2) });
    expect(ended).toEqual({ assignmentId: booking.assignmentId, found: true, hours: 10, releasedHours: 20 });
    const again = await rpc.send(BookingRpc.end, { assignmentId: booking.assignmentId, endDate: weekDay(1, 2) });
    expect(again).toEqual({ assignmentId: booking.assignmentId, found: true, hours: 10, releasedHours: 0 });
    const unknown = randomUUID();
    expect(await rpc.send(BookingRpc.end, { assignmentId: unknown, endDate: weekDay(1) })).toEqual({ assignmentId: unknown, found: false, hours: 0, releasedHours: 0 });

    const after = await rpc.send(AvailabilityRpc.batch, { professionalIds: [professional.id], startDate: weekDay(1), endDate: weekDay(3, 4) });
    expect(after.items[0].weeks.map((week) => week.bookedHours)).toEqual([10, 0, 0]);
  });
});
