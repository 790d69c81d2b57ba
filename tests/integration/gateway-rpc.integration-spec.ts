import { connect, NatsConnection } from '@nats-io/transport-node';
import { CreateMemberRequest, CredentialRpc, DomainException, ErrorCode, MemberRpc } from '@coop/contracts';
import { namespacedSubject, RpcClient } from '@coop/platform';
import { call } from '../support/http.js';
import { TestStack } from '../support/test-stack.js';

const PROBLEM_JSON = 'application/problem+json';

describe('gateway and NATS request-reply', () => {
  describe('with the members service running', () => {
    let stack: TestStack;
    let nc: NatsConnection;
    beforeAll(async () => {
      stack = await TestStack.start(['members', 'gateway']);
      nc = await connect({ servers: stack.env.NATS_URL });
    });
    afterAll(async () => {
      await nc.close();
      await stack.dispose();
    });

    it('answers a malformed NATS payload with a 400-class error naming each field', async () => {
      const rpc = new RpcClient({ get: async () => nc } as never, { RPC_TIMEOUT_MS: 3000, NATS_NAMESPACE: stack.environment.namespace } as never);
      const malformed = { name: 42, sector: 'shipping', language: 'fr', region: 'quebec', contactEmail: 'x@y.example' } as unknown as CreateMemberRequest;

      const error = await rpc.send(MemberRpc.create, malformed).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).code).toBe(ErrorCode.ValidationFailed);
      expect(new Set((error as DomainException).errors?.map((e) => e.field))).toEqual(new Set(['name', 'sector']));
    });

    it('turns the same mistake over HTTP into problem+json naming the field', async () => {
      const response = await call<{ code: string; errors: { field: string }[] }>(stack.gatewayUrl(), 'POST', '/v1/members', {
        body: { name: 'Fédération X', sector: 'housing', language: 'de', region: 'quebec', contactEmail: 'x@y.example' },
      });

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.map((e) => e.field)).toEqual(['language']);
    });

    it('creates and reads back a member through the gateway', async () => {
      const created = await call<{ id: string }>(stack.gatewayUrl(), 'POST', '/v1/members', {
        body: { name: 'Fédération des coopératives d’habitation', sector: 'housing', language: 'fr', region: 'quebec', contactEmail: 'info@fch.example' },
      });
      expect(created.status).toBe(201);

      const read = await call<{ name: string }>(stack.gatewayUrl(), 'GET', `/v1/members/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.name).toBe('Fédération des coopératives d’habitation');
    });
  });

  describe('with the members service down or silent', () => {
    const TIMEOUT_MS = 400;
    let stack: TestStack;
    let nc: NatsConnection;
    beforeAll(async () => {
      stack = await TestStack.start(['gateway'], { RPC_TIMEOUT_MS: String(TIMEOUT_MS) });
      nc = await connect({ servers: stack.env.NATS_URL });
    });
    afterAll(async () => {
      await nc.close();
      await stack.dispose();
    });

    it('answers 503 naming the service when nothing listens', async () => {
      const response = await call<{ code: string; detail: string }>(stack.gatewayUrl(), 'GET', '/v1/members');

      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
      expect(response.body.code).toBe('service_unavailable');
      expect(response.body.detail).toContain('members');
    });

    it('answers 504 within the configured timeout when the service never replies', async () => {
      // A "hung" replica: it takes the request and never answers. (The first call of any route with
      // a key is the members service checking that key.)
      const hung = nc.subscribe(namespacedSubject(stack.environment.namespace, CredentialRpc.authenticate.subject), { callback: () => undefined });
      await nc.flush();
      const started = Date.now();

      const response = await call<{ code: string }>(stack.gatewayUrl(), 'GET', '/v1/members');

      const elapsed = Date.now() - started;
      hung.unsubscribe();
      expect(response.status).toBe(504);
      expect(response.body.code).toBe('upstream_timeout');
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
    });
  });
});
