import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { SubmissionAccepted } from '@coop/contracts';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { requestBody } from '../support/request-bodies.js';
import { ADMIN_KEY, TestStack } from '../support/test-stack.js';

const CASES = 1_200;
const CONCURRENCY = 8;

interface Operation {
  method: string;
  path: string;
  /** Field names of the JSON body, from the OpenAPI document. */
  bodyFields: string[];
  queryNames: string[];
}

interface FuzzCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

/** Every operation of the document, with what it takes. */
function operationsOf(document: OpenApi): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const ref = operation.requestBody?.content['application/json']?.schema.$ref;
      const schema = ref ? document.components.schemas[ref.split('/').pop()!] : undefined;
      return {
        method: method.toUpperCase(),
        path,
        bodyFields: Object.keys(schema?.properties ?? {}),
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      };
    }),
  );
}

/** Printable ASCII: what an HTTP client can put in a header value at all. */
/** A generated value as query text. (String() throws on objects with a key such as "toString".) */
const asQueryText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');
const headerText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
const malformedPercent = fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%FF%FE', '..', '%2e%2e', '%C0%AF');

function fuzzCases(operations: Operation[], keys: string[], ids: string[]): fc.Arbitrary<FuzzCase> {
  const pathValue = fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid().map(String),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    malformedPercent,
    fc.constant('a'.repeat(150)),
  );
  const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', -1, 0, 1e308, '2026-02-30', 'fr', true, [], {}));
  const authorization = fc.oneof(
    fc.constantFrom(...keys).map((key) => `Bearer ${key}`),
    headerText(60),
    headerText(60).map((key) => `Bearer ${key}`),
    fc.constant(''),
  );
  return fc
    .record({
      operation: fc.constantFrom(...operations),
      pathValue,
      authorization,
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'domain', 'memberId'), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ maxLength: 30 }), jsonValue.map(asQueryText))), { maxLength: 4 }),
      rawQuery: fc.option(malformedPercent, { nil: undefined }),
      fieldValues: fc.array(jsonValue, { minLength: 12, maxLength: 12 }),
      extraField: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
      bodyShape: fc.constantFrom('mutated', 'mutated', 'json', 'text', 'empty', 'none', 'huge'),
      randomJson: fc.json({ maxDepth: 3 }),
      randomText: fc.string({ maxLength: 60 }),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data', undefined),
      acceptLanguage: fc.option(fc.oneof(fc.constantFrom('fr', 'en', 'fr-CA,fr;q=0.9', 'de', '*', 'fr;q=abc'), headerText(30)), { nil: undefined }),
      idempotencyKey: fc.option(headerText(300), { nil: undefined }),
      correlationId: fc.option(headerText(200), { nil: undefined }),
    })
    .map((c) => {
      const path = c.operation.path.replace(/\{[^}]+\}/g, c.pathValue);
      const params = c.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
      if (c.rawQuery) params.push(`cursor=${c.rawQuery}`);
      const headers: Record<string, string> = { authorization: c.authorization };
      if (c.contentType) headers['content-type'] = c.contentType;
      if (c.acceptLanguage !== undefined) headers['accept-language'] = c.acceptLanguage;
      if (c.idempotencyKey !== undefined) headers['idempotency-key'] = c.idempotencyKey;
      if (c.correlationId !== undefined) headers['x-correlation-id'] = c.correlationId;
      const canHaveBody = c.operation.method !== 'GET';
      return { method: c.operation.method, url: `${path}${params.length ? `?${params.join('&')}` : ''}`, headers, body: canHaveBody ? bodyOf(c) : undefined };
    });

  function bodyOf(c: { operation: Operation; fieldValues: unknown[]; extraField?: string; bodyShape: string; randomJson: string; randomText: string }): string | undefined {
    switch (c.bodyShape) {
      case 'mutated': {
        // A plausible body with some fields given wrong values (and sometimes one unknown field).
        const body: Record<string, unknown> = { ...requestBody() };
        c.operation.bodyFields.forEach((field, i) => {
          if (i % 2 === 0 || c.fieldValues[i] === undefined) body[field] = c.fieldValues[i % c.fieldValues.length];
        });
        if (c.extraField) body[c.extraField] = c.fieldValues[0];
        return JSON.stringify(body);
      }
      case 'json':
        return c.randomJson;
      case 'text':
        return c.randomText;
      case 'empty':
        return '';
      case 'huge':
        return JSON.stringify({ description: 'x'.repeat(300_000) });
      default:
        return undefined;
    }
  }
}

describe('robustness: generated malformed requests at every route', () => {
  let stack: TestStack;
  let url: string;
  let operations: Operation[];
  let keys: string[];
  let ids: string[];

  beforeAll(async () => {
    // Every service a route reaches.
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway']);
    url = stack.gatewayUrl();
    const member = await createMember(url);
    const coordinator = await issueKey(url, 'coordinator');
    const partner = await issueKey(url, 'partner', member.id);
    const request = await call<SubmissionAccepted>(url, 'POST', '/v1/requests', { key: partner.key, body: requestBody() });
    const endpoint = await call<{ id: string }>(url, 'POST', '/v1/webhooks', { key: partner.key, body: { url: `${url}/health`, eventTypes: ['request.assigned'] } });
    keys = [ADMIN_KEY, coordinator.key, partner.key];
    ids = [member.id, partner.id, request.body.id, endpoint.body.id, randomUUID()];
    // Readiness answers 503 by design when a dependency is slow or down: it reports, it does not fail.
    operations = operationsOf((await call<OpenApi>(url, 'GET', '/docs-json', { key: null })).body).filter((o) => o.path !== '/health/ready');
  });
  afterAll(() => stack.dispose());

  it(`answers ${CASES} generated requests without a 5xx, every error as problem+json`, async () => {
    const seed = Date.now();
    const cases = fc.sample(fuzzCases(operations, keys, ids), { numRuns: CASES, seed });
    const failures: string[] = [];
    const statuses = new Map<number, number>();

    for (let i = 0; i < cases.length; i += CONCURRENCY) {
      await Promise.all(
        cases.slice(i, i + CONCURRENCY).map(async (fuzz) => {
          const problem = await check(fuzz);
          if (problem) failures.push(`${problem}: ${JSON.stringify(fuzz).slice(0, 400)}`);
        }),
      );
    }

    expect({ seed, failures: failures.slice(0, 5), failed: failures.length }).toEqual({ seed, failures: [], failed: 0 });
    // The generator reaches the layers it should: refusals of every kind, and some successes.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404, 415]));

    async function check(fuzz: FuzzCase): Promise<string | undefined> {
      let response: Response;
      try {
        response = await fetch(`${url}${fuzz.url}`, { method: fuzz.method, headers: fuzz.headers, body: fuzz.body });
      } catch (error) {
        return `the client could not send it (${(error as Error).message})`;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (response.status >= 500) return `answered ${response.status} ${text.slice(0, 200)}`;
      if (response.status < 400) return undefined;
      if (!response.headers.get('content-type')?.startsWith('application/problem+json')) return `answered ${response.status} as ${response.headers.get('content-type')}`;
      const body = JSON.parse(text) as { status?: number; code?: string; title?: string; type?: string };
      if (body.status !== response.status || !body.code || !body.title || !body.type) return `answered a problem without its fields: ${text.slice(0, 200)}`;
      return undefined;
    }
  });
});
