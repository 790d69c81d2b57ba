import { connect } from 'node:net';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { ADMIN_KEY, TestStack } from '../support/test-stack.js';

const PROBLEM_JSON = 'application/problem+json';

interface RawResult {
  status: number;
  headers: Headers;
  body: { code?: string; title?: string; detail?: string; status?: number; correlationId?: string; errors?: { field: string; message: string }[] };
}

/** A request as a misbehaving client might send it: any body bytes, any headers. */
async function raw(url: string, method: string, path: string, init: { body?: string; headers?: Record<string, string>; key?: string | null } = {}): Promise<RawResult> {
  const key = init.key === undefined ? ADMIN_KEY : init.key;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Bytes straight to the socket, as no HTTP client library would send them; answers status, headers and body. */
function rawBytes(url: string, request: Buffer): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

describe('the HTTP edge of the gateway', () => {
  let stack: TestStack;
  let url: string;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'gateway'], { BODY_LIMIT_BYTES: '4096' });
    url = stack.gatewayUrl();
  });
  afterAll(() => stack.dispose());

  const json = { 'content-type': 'application/json' };

  it('answers a request Node cannot parse (a raw byte that is not ASCII in the URL) with problem+json', async () => {
    const request = Buffer.concat([Buffer.from('GET /v1/members/'), Buffer.from([0xc3, 0xa9]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]);

    const response = await rawBytes(url, request);

    expect(response.status).toBe(400);
    expect(response.headers).toContain(`content-type: ${PROBLEM_JSON}`);
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, code: 'validation_failed', detail: expect.stringContaining('not ASCII'), correlationId: expect.any(String) });
  });

  it.each([
    ['malformed JSON', 'POST', '/v1/members', { body: '{"name": ', headers: json }, 400, 'validation_failed'],
    ['an empty JSON body', 'POST', '/v1/members', { body: '', headers: json }, 400, 'validation_failed'],
    ['JSON with a __proto__ key', 'POST', '/v1/members', { body: '{"__proto__": {"admin": true}}', headers: json }, 400, 'validation_failed'],
    ['a JSON array for an object', 'POST', '/v1/members', { body: '[1, 2]', headers: json }, 400, 'validation_failed'],
    ['a text/plain body', 'POST', '/v1/members', { body: 'name=x', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['an XML body', 'POST', '/v1/requests', { body: '<request/>', headers: { 'content-type': 'application/xml' } }, 415, 'unsupported_media_type'],
    ['a body over BODY_LIMIT_BYTES', 'POST', '/v1/members', { body: JSON.stringify({ name: 'x'.repeat(5000) }), headers: json }, 413, 'payload_too_large'],
    ['an unknown route', 'GET', '/v1/nowhere', {}, 404, 'not_found'],
    ['an unknown route without a key', 'GET', '/nowhere', { key: null }, 404, 'not_found'],
    ['a method the route does not have', 'PUT', '/v1/members', {}, 404, 'not_found'],
    ['a bad percent-encoding in the path', 'GET', '/v1/members/%zz', {}, 400, 'validation_failed'],
    ['an id longer than any id', 'GET', `/v1/members/${'a'.repeat(300)}`, {}, 404, 'not_found'],
    ['an id that is not a UUID', 'GET', '/v1/members/42', {}, 400, 'validation_failed'],
    ['a repeated query parameter', 'GET', '/v1/members?limit=1&limit=2', {}, 400, 'validation_failed'],
    ['a query parameter that is not a number', 'GET', '/v1/members?limit=ten', {}, 400, 'validation_failed'],
    ['an unknown query parameter', 'GET', '/v1/members?sort=name', {}, 400, 'validation_failed'],
    ['a bad percent-encoding in the query', 'GET', '/v1/members?cursor=%E0%A4%A', {}, 400, 'validation_failed'],
  ])('answers %s with problem+json', async (_case, method, path, init, status, code) => {
    const response = await raw(url, method, path, init);

    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: expect.stringMatching(/^https:\/\//), title: expect.any(String), status, detail: expect.any(String) });
    expect(response.body.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it('speaks French to a caller who prefers it, English otherwise', async () => {
    const french = await raw(url, 'POST', '/v1/members', { body: 'x', headers: { 'content-type': 'text/plain', 'accept-language': 'fr-CA' } });
    const english = await raw(url, 'POST', '/v1/members', { body: 'x', headers: { 'content-type': 'text/plain', 'accept-language': 'de, en;q=0.5' } });
    const unauthenticated = await raw(url, 'GET', '/v1/members', { key: null, headers: { 'accept-language': 'fr' } });
    const invalid = await call<RawResult['body']>(url, 'POST', '/v1/members', { body: { name: 'X', sector: 'mining', contactEmail: 'nobody' }, headers: { 'accept-language': 'fr' } });

    expect(french.body).toMatchObject({ title: 'Type de contenu non pris en charge', detail: 'Envoyez le corps en JSON (content-type: application/json)' });
    expect(french.headers.get('content-language')).toBe('fr');
    expect(english.body).toMatchObject({ title: 'Unsupported media type', detail: 'Send the body as JSON (content-type: application/json)' });
    expect(unauthenticated.body).toMatchObject({ title: 'Authentification requise', detail: 'Envoyez une clé d’API : « Authorization: Bearer <clé> »' });
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name doit compter de 2 à 200 caractères' },
        { field: 'sector', message: expect.stringMatching(/^sector doit être l’une des valeurs suivantes : housing, funeral, /) },
        { field: 'contactEmail', message: 'contactEmail doit être une adresse courriel' },
        { field: 'language', message: 'language est obligatoire' },
      ]),
    );
  });

  describe('the OpenAPI document', () => {
    type Operation = {
      security?: unknown[];
      'x-roles'?: string[];
      requestBody?: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    };
    let paths: Record<string, Record<string, Operation>>;
    let schemas: Record<string, unknown>;
    beforeAll(async () => {
      const document = await call<{ paths: typeof paths; components: { schemas: typeof schemas; securitySchemes: object } }>(url, 'GET', '/docs-json', { key: null });
      paths = document.body.paths;
      schemas = document.body.components.schemas;
      expect(document.body.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    });
    const apiOperations = () =>
      Object.entries(paths)
        .filter(([path]) => path.startsWith('/v1/'))
        .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));

    it('says who may call each route and how to authenticate', () => {
      for (const { route, operation } of apiOperations()) {
        expect({ route, security: operation.security, roles: operation['x-roles']?.length ?? 0 }).toEqual({ route, security: [{ bearer: [] }], roles: expect.any(Number) });
        expect(operation['x-roles']!.length).toBeGreaterThan(0);
      }
    });

    it('describes each body, each success and each error (problem+json)', () => {
      for (const { route, operation } of apiOperations()) {
        const statuses = Object.keys(operation.responses);
        const success = statuses.find((status) => status.startsWith('2'))!;
        expect({ route, success }).toEqual({ route, success: expect.any(String) });
        if (success !== '204') expect({ route, schema: operation.responses[success].content?.['application/json']?.schema }).toEqual({ route, schema: expect.anything() });
        for (const status of ['401', '403', '429', 'default']) {
          expect({ route, status, schema: operation.responses[status]?.content?.[PROBLEM_JSON]?.schema }).toEqual({
            route,
            status,
            schema: { $ref: '#/components/schemas/ProblemDocument' },
          });
        }
        if (operation.requestBody) {
          expect({ route, body: operation.requestBody.content['application/json']?.schema }).toEqual({ route, body: { $ref: expect.stringMatching(/^#\/components\/schemas\//) } });
        }
      }
      expect(schemas.ProblemDocument).toBeDefined();
      expect(schemas.SubmitServiceRequestBody).toMatchObject({ required: expect.arrayContaining(['domain', 'title', 'startDate', 'endDate', 'estimatedHours']) });
    });
  });
});

describe('rate limits per credential', () => {
  const LIMIT = 3;
  let stack: TestStack;
  let url: string;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'gateway'], { RATE_LIMIT_MAX: String(LIMIT), RATE_LIMIT_WINDOW_MS: '60000' });
    url = stack.gatewayUrl();
  });
  afterAll(() => stack.dispose());

  it('answers 429 with Retry-After past the limit, for that credential only', async () => {
    // The admin's own calls count against the admin's key only.
    const member = await createMember(url);
    const partner = (await issueKey(url, 'partner', member.id)).key;
    const coordinator = (await issueKey(url, 'coordinator')).key;

    const allowed = [];
    for (let i = 0; i < LIMIT; i++) allowed.push(await raw(url, 'GET', '/v1/domains', { key: partner }));
    const limited = await raw(url, 'GET', '/v1/domains', { key: partner, headers: { 'accept-language': 'fr' } });

    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain(PROBLEM_JSON);
    expect(limited.body).toMatchObject({ code: 'rate_limited', title: 'Trop de requêtes' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await raw(url, 'GET', '/v1/domains', { key: coordinator })).status).toBe(200);
    expect((await raw(url, 'GET', '/health', { key: null })).status).toBe(200);
  });
});
