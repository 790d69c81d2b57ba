import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { currentCorrelationId } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { requestBody } from '../support/request-bodies.js';
import { TestStack } from '../support/test-stack.js';

// The README says a caller's x-correlation-id follows a call through every service's logs (at
// LOG_LEVEL=debug). Each debug line is recorded with the correlation id it is written under, which
// is what the logger's mixin puts on the line (the spy sees each line before pino applies LOG_LEVEL).

interface DebugLine {
  msg?: string;
  subject?: string;
  correlationId?: string;
}

describe('correlation ids in the services’ debug logs', () => {
  let stack: TestStack;
  let url: string;
  let coordinator: string;
  const lines: DebugLine[] = [];
  const search = { domain: 'legal', startDate: weekDay(2), endDate: weekDay(3), estimatedHours: 10, language: 'fr' };
  let spy: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'gateway']);
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    expect((await call(url, 'POST', '/v1/professionals', { key: coordinator, body: aProfessional({ domains: [{ code: 'legal', level: 4, years: 10 }], languages: ['fr'] }) })).status).toBe(201);
    // Searchable first, so the search below goes on to ask professionals for availability.
    await eventually(async () => {
      const found = await call<{ candidates: unknown[] }>(url, 'POST', '/v1/matches/search', { key: coordinator, body: search });
      expect(found.body.candidates).toHaveLength(1);
    }, 30_000);
    spy = jest.spyOn(Logger.prototype, 'debug').mockImplementation(function (this: Logger, message: unknown) {
      lines.push({ ...(message as object), correlationId: currentCorrelationId() });
    });
  });
  afterAll(async () => {
    spy.mockRestore();
    await stack.dispose();
  });

  const linesOf = (correlationId: string) => lines.filter((line) => line.correlationId === correlationId);

  it('writes a line per RPC handled, in each service the call went through, with the caller’s id', async () => {
    const correlationId = `search-${Date.now()}`;
    // A key the gateway has not seen yet, so that it asks members about it (it keeps the answer a while).
    const fresh = (await issueKey(url, 'coordinator')).key;

    const response = await call(url, 'POST', '/v1/matches/search', { key: fresh, body: search, headers: { 'x-correlation-id': correlationId } });

    expect(response.status).toBe(200);
    const subjects = linesOf(correlationId).filter((line) => line.msg === 'rpc handled').map((line) => line.subject ?? '');
    // The key check (members), the search (matching) and the availability it asks for (professionals).
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/members\.credential\.authenticate/), expect.stringMatching(/matching\.search/), expect.stringMatching(/professionals\.availability\.window/)]));
  });

  it('writes a line per event handled, with the id of the call that caused it', async () => {
    const member = await createMember(url);
    const partner = await issueKey(url, 'partner', member.id);
    const correlationId = `submit-${Date.now()}`;

    const response = await call(url, 'POST', '/v1/requests', { key: partner.key, body: requestBody(), headers: { 'x-correlation-id': correlationId } });

    expect(response.status).toBe(202);
    await eventually(() => {
      const events = linesOf(correlationId).filter((line) => line.msg === 'event handled').map((line) => line.subject);
      expect(events).toContain('events.request.submitted.v1');
    }, 20_000);
  });
});
