import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { CredentialRole, MemberView, SubmissionAccepted, SubmitServiceRequestBody } from '@coop/contracts';
import { API_KEY_PREFIX, CredentialRpc } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { ADMIN_KEY, TestStack } from '../support/test-stack.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { requestBody } from '../support/request-bodies.js';
import { CredentialService } from '../../apps/members/src/credential/credential.service.js';

type Role = CredentialRole;
const PASSES_ROLE_CHECK = 'passes the role check';
const ROLES: Role[] = ['admin', 'coordinator', 'partner'];

interface Fixtures {
  url: string;
  keys: Record<Role, string>;
  /** The partner's own member, and another one. */
  own: MemberView;
  other: MemberView;
  /** A fresh request of a member (submitted by a coordinator). */
  requestOf(member: MemberView): Promise<string>;
  /** A fresh webhook endpoint of a member (registered by the admin). */
  endpointOf(member: MemberView): Promise<string>;
  /** An endpoint of each member with one delivery in its log. */
  delivered: Map<MemberView, { endpointId: string; deliveryId: string }>;
  /** An entry of the coordinator feed. */
  feedEntry: string;
  /** A professional (created by a coordinator). */
  professionalId: string;
  /** Another professional, new. */
  newProfessional(): Promise<string>;
  /** Fresh time off of `professionalId`. */
  timeOff(): Promise<string>;
}

interface HttpCall {
  method: string;
  path: string;
  body?: unknown;
}

interface RouteCase {
  route: string;
  allowed: Role[];
  /**
   * The status an allowed caller gets, or PASSES_ROLE_CHECK for routes whose service answers
   * depend on work not wired yet (matching): anything but 401 and 403.
   */
  success: number | typeof PASSES_ROLE_CHECK;
  call(fx: Fixtures): Promise<HttpCall>;
  /** For routes a partner may call: the same call aimed at another member's data (must answer 404). */
  acrossMembers?(fx: Fixtures): Promise<HttpCall>;
}

/** Every route of the API (the test below fails when a documented route is missing here). */
const ROUTES: RouteCase[] = [
  { route: 'GET /v1/domains', allowed: ['admin', 'coordinator', 'partner'], success: 200, call: async () => ({ method: 'GET', path: '/v1/domains' }) },
  { route: 'GET /v1/sectors', allowed: ['admin', 'coordinator', 'partner'], success: 200, call: async () => ({ method: 'GET', path: '/v1/sectors' }) },
  {
    route: 'POST /v1/members',
    allowed: ['admin'],
    success: 201,
    call: async () => ({
      method: 'POST',
      path: '/v1/members',
      body: { name: 'Fédération de contrôle', sector: 'food', language: 'fr', region: 'estrie', contactEmail: 'info@controle.example' },
    }),
  },
  { route: 'GET /v1/members', allowed: ['admin', 'coordinator'], success: 200, call: async () => ({ method: 'GET', path: '/v1/members' }) },
  { route: 'GET /v1/members/{id}', allowed: ['admin', 'coordinator'], success: 200, call: async (fx) => ({ method: 'GET', path: `/v1/members/${fx.own.id}` }) },
  {
    route: 'PATCH /v1/members/{id}',
    allowed: ['admin'],
    success: 200,
    call: async (fx) => ({ method: 'PATCH', path: `/v1/members/${fx.other.id}`, body: { region: 'montreal' } }),
  },
  { route: 'POST /v1/credentials', allowed: ['admin'], success: 201, call: async () => ({ method: 'POST', path: '/v1/credentials', body: { role: 'coordinator' } }) },
  {
    route: 'DELETE /v1/credentials/{id}',
    allowed: ['admin'],
    success: 204,
    call: async (fx) => ({ method: 'DELETE', path: `/v1/credentials/${(await issueKey(fx.url, 'coordinator')).id}` }),
  },
  {
    route: 'POST /v1/requests',
    allowed: ['partner', 'coordinator'],
    success: 202,
    // A partner may name its own member (or none); a coordinator names any.
    call: async (fx) => ({ method: 'POST', path: '/v1/requests', body: requestBody({ memberId: fx.own.id }) }),
    acrossMembers: async (fx) => ({ method: 'POST', path: '/v1/requests', body: requestBody({ memberId: fx.other.id }) }),
  },
  {
    route: 'GET /v1/requests',
    allowed: ['partner', 'coordinator'],
    success: 200,
    call: async () => ({ method: 'GET', path: '/v1/requests' }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/requests?memberId=${fx.other.id}` }),
  },
  {
    route: 'GET /v1/requests/{id}',
    allowed: ['partner', 'coordinator'],
    success: 200,
    call: async (fx) => ({ method: 'GET', path: `/v1/requests/${await fx.requestOf(fx.own)}` }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/requests/${await fx.requestOf(fx.other)}` }),
  },
  {
    route: 'GET /v1/requests/{id}/history',
    allowed: ['partner', 'coordinator'],
    success: 200,
    call: async (fx) => ({ method: 'GET', path: `/v1/requests/${await fx.requestOf(fx.own)}/history` }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/requests/${await fx.requestOf(fx.other)}/history` }),
  },
  { route: 'GET /v1/me', allowed: ['admin', 'coordinator', 'partner'], success: 200, call: async () => ({ method: 'GET', path: '/v1/me' }) },
  {
    route: 'POST /v1/requests/{id}/cancel',
    allowed: ['partner', 'coordinator'],
    success: 200,
    call: async (fx) => ({ method: 'POST', path: `/v1/requests/${await fx.requestOf(fx.own)}/cancel`, body: { reason: 'no longer needed' } }),
    acrossMembers: async (fx) => ({ method: 'POST', path: `/v1/requests/${await fx.requestOf(fx.other)}/cancel` }),
  },
  {
    route: 'POST /v1/webhooks',
    allowed: ['partner', 'admin'],
    success: 201,
    call: async (fx) => ({ method: 'POST', path: '/v1/webhooks', body: { memberId: fx.own.id, url: `${fx.url}/health`, eventTypes: ['assignment.completed'] } }),
    acrossMembers: async (fx) => ({ method: 'POST', path: '/v1/webhooks', body: { memberId: fx.other.id, url: `${fx.url}/health`, eventTypes: ['assignment.completed'] } }),
  },
  {
    route: 'GET /v1/webhooks',
    allowed: ['partner', 'admin'],
    success: 200,
    call: async () => ({ method: 'GET', path: '/v1/webhooks' }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/webhooks?memberId=${fx.other.id}` }),
  },
  {
    route: 'GET /v1/webhooks/{id}',
    allowed: ['partner', 'admin'],
    success: 200,
    call: async (fx) => ({ method: 'GET', path: `/v1/webhooks/${await fx.endpointOf(fx.own)}` }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/webhooks/${await fx.endpointOf(fx.other)}` }),
  },
  {
    route: 'DELETE /v1/webhooks/{id}',
    allowed: ['partner', 'admin'],
    success: 204,
    call: async (fx) => ({ method: 'DELETE', path: `/v1/webhooks/${await fx.endpointOf(fx.own)}` }),
    acrossMembers: async (fx) => ({ method: 'DELETE', path: `/v1/webhooks/${await fx.endpointOf(fx.other)}` }),
  },
  {
    route: 'POST /v1/webhooks/{id}/enable',
    allowed: ['partner', 'admin'],
    success: 200,
    call: async (fx) => ({ method: 'POST', path: `/v1/webhooks/${await fx.endpointOf(fx.own)}/enable` }),
    acrossMembers: async (fx) => ({ method: 'POST', path: `/v1/webhooks/${await fx.endpointOf(fx.other)}/enable` }),
  },
  {
    route: 'GET /v1/webhooks/{id}/deliveries',
    allowed: ['partner', 'admin'],
    success: 200,
    call: async (fx) => ({ method: 'GET', path: `/v1/webhooks/${fx.delivered.get(fx.own)!.endpointId}/deliveries` }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/webhooks/${fx.delivered.get(fx.other)!.endpointId}/deliveries` }),
  },
  {
    route: 'POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay',
    allowed: ['partner', 'admin'],
    success: 202,
    call: async (fx) => {
      const { endpointId, deliveryId } = fx.delivered.get(fx.own)!;
      return { method: 'POST', path: `/v1/webhooks/${endpointId}/deliveries/${deliveryId}/replay` };
    },
    acrossMembers: async (fx) => {
      const { endpointId, deliveryId } = fx.delivered.get(fx.other)!;
      return { method: 'POST', path: `/v1/webhooks/${endpointId}/deliveries/${deliveryId}/replay` };
    },
  },
  // Matching is not started in this stack (its own tests cover what these routes do): an allowed role
  // gets past the guard and a 503, any other a 403.
  {
    route: 'GET /v1/requests/{id}/matches',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async (fx) => ({ method: 'GET', path: `/v1/requests/${await fx.requestOf(fx.own)}/matches` }),
  },
  {
    route: 'POST /v1/matches/search',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async () => ({ method: 'POST', path: '/v1/matches/search', body: { domain: 'legal', startDate: '2030-01-07', endDate: '2030-01-18', estimatedHours: 10, language: 'fr' } }),
  },
  {
    route: 'POST /v1/requests/{id}/assignments',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async (fx) => ({ method: 'POST', path: `/v1/requests/${await fx.requestOf(fx.own)}/assignments`, body: { professionalId: '6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50' } }),
  },
  {
    route: 'POST /v1/requests/{id}/shared-assignments',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async (fx) => ({
      method: 'POST',
      path: `/v1/requests/${await fx.requestOf(fx.own)}/shared-assignments`,
      body: { parts: [{ professionalId: '6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50', hours: 1 }, { professionalId: '7a2d6c5f-9b62-4b9f-8d54-1d2c3e4f5a61', hours: 1 }] },
    }),
  },
  {
    route: 'POST /v1/assignments/{id}/decline',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async () => ({ method: 'POST', path: '/v1/assignments/6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50/decline', body: { reason: 'Conflit d’horaire' } }),
  },
  {
    route: 'POST /v1/assignments/{id}/complete',
    allowed: ['coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async () => ({ method: 'POST', path: '/v1/assignments/6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50/complete', body: { hoursSpent: 12 } }),
  },
  { route: 'GET /v1/assignments', allowed: ['coordinator'], success: PASSES_ROLE_CHECK, call: async () => ({ method: 'GET', path: '/v1/assignments' }) },
  {
    route: 'GET /v1/members/{id}/statement',
    allowed: ['partner', 'coordinator'],
    success: PASSES_ROLE_CHECK,
    call: async (fx) => ({ method: 'GET', path: `/v1/members/${fx.own.id}/statement?month=2026-11` }),
    acrossMembers: async (fx) => ({ method: 'GET', path: `/v1/members/${fx.other.id}/statement?month=2026-11` }),
  },
  // Professionals: the coordinators' business.
  { route: 'POST /v1/professionals', allowed: ['coordinator'], success: 201, call: async () => ({ method: 'POST', path: '/v1/professionals', body: aProfessional() }) },
  { route: 'GET /v1/professionals', allowed: ['coordinator'], success: 200, call: async () => ({ method: 'GET', path: '/v1/professionals' }) },
  { route: 'GET /v1/professionals/capacity', allowed: ['coordinator'], success: 200, call: async () => ({ method: 'GET', path: '/v1/professionals/capacity?weeks=4' }) },
  { route: 'GET /v1/professionals/{id}', allowed: ['coordinator'], success: 200, call: async (fx) => ({ method: 'GET', path: `/v1/professionals/${fx.professionalId}` }) },
  {
    route: 'PATCH /v1/professionals/{id}',
    allowed: ['coordinator'],
    success: 200,
    call: async (fx) => ({ method: 'PATCH', path: `/v1/professionals/${fx.professionalId}`, body: { region: 'estrie' } }),
  },
  {
    route: 'GET /v1/professionals/{id}/availability',
    allowed: ['coordinator'],
    success: 200,
    call: async (fx) => ({ method: 'GET', path: `/v1/professionals/${fx.professionalId}/availability?from=${weekDay(1)}&to=${weekDay(2)}` }),
  },
  {
    route: 'POST /v1/professionals/{id}/time-off',
    allowed: ['coordinator'],
    success: 201,
    call: async (fx) => ({ method: 'POST', path: `/v1/professionals/${await fx.newProfessional()}/time-off`, body: { startDate: weekDay(3), endDate: weekDay(3, 4) } }),
  },
  {
    route: 'DELETE /v1/professionals/{id}/time-off/{timeOffId}',
    allowed: ['coordinator'],
    success: 204,
    call: async (fx) => ({ method: 'DELETE', path: `/v1/professionals/${fx.professionalId}/time-off/${await fx.timeOff()}` }),
  },
  { route: 'GET /v1/notifications', allowed: ['coordinator', 'admin'], success: 200, call: async () => ({ method: 'GET', path: '/v1/notifications' }) },
  {
    route: 'POST /v1/notifications/{id}/read',
    allowed: ['coordinator', 'admin'],
    success: 200,
    call: async (fx) => ({ method: 'POST', path: `/v1/notifications/${fx.feedEntry}/read` }),
  },
];

describe('access control on every route', () => {
  let stack: TestStack;
  let fx: Fixtures;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'notifications', 'gateway']);
    const url = stack.gatewayUrl();
    const [own, other] = [await createMember(url), await createMember(url, { sector: 'funeral' })];
    const coordinator = await issueKey(url, 'coordinator');
    const partner = await issueKey(url, 'partner', own.id);
    const requestOf = async (member: MemberView, overrides: Partial<SubmitServiceRequestBody> = {}) => {
      const response = await call<SubmissionAccepted>(url, 'POST', '/v1/requests', { key: coordinator.key, body: requestBody({ memberId: member.id, ...overrides }) });
      expect(response.status).toBe(202);
      return response.body.id;
    };
    const endpointOf = async (member: MemberView, eventTypes = ['assignment.completed']) => {
      const response = await call<{ id: string }>(url, 'POST', '/v1/webhooks', { body: { memberId: member.id, url: `${url}/health`, eventTypes } });
      expect(response.status).toBe(201);
      return response.body.id;
    };
    // A delivery in each member's log: a submitted request, delivered to the gateway's /health.
    const delivered = new Map<MemberView, { endpointId: string; deliveryId: string }>();
    for (const member of [own, other]) {
      const endpointId = await endpointOf(member, ['request.submitted']);
      await requestOf(member);
      const deliveryId = await eventually(async () => {
        const log = await call<{ items: { id: string }[] }>(url, 'GET', `/v1/webhooks/${endpointId}/deliveries`);
        expect(log.body.items).toHaveLength(1);
        return log.body.items[0].id;
      });
      delivered.set(member, { endpointId, deliveryId });
    }
    await requestOf(own, { urgency: 'critical' });
    const feedEntry = await eventually(async () => {
      const feed = await call<{ items: { id: string }[] }>(url, 'GET', '/v1/notifications', { key: coordinator.key });
      expect(feed.body.items.length).toBeGreaterThan(0);
      return feed.body.items[0].id;
    });
    const newProfessional = async () => (await call<{ id: string }>(url, 'POST', '/v1/professionals', { key: coordinator.key, body: aProfessional() })).body.id;
    const professionalId = await newProfessional();
    let weeksAhead = 4;
    const timeOff = async () => {
      weeksAhead += 1;
      const body = { startDate: weekDay(weeksAhead), endDate: weekDay(weeksAhead, 2) };
      const response = await call<{ id: string }>(url, 'POST', `/v1/professionals/${professionalId}/time-off`, { key: coordinator.key, body });
      expect(response.status).toBe(201);
      return response.body.id;
    };
    fx = {
      url,
      own,
      other,
      keys: { admin: ADMIN_KEY, coordinator: coordinator.key, partner: partner.key },
      requestOf,
      endpointOf,
      delivered,
      feedEntry,
      professionalId,
      newProfessional,
      timeOff,
    };
  });
  afterAll(() => stack.dispose());

  const send = async (request: HttpCall, key: string | null) => call(fx.url, request.method, request.path, { key, body: request.body });

  it('has a case for every route of the OpenAPI document', async () => {
    const document = await call<{ paths: Record<string, Record<string, unknown>> }>(fx.url, 'GET', '/docs-json', { key: null });
    const documented = Object.entries(document.body.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !route.includes('/health'));

    expect(documented.sort()).toEqual(ROUTES.map((r) => r.route).sort());
  });

  describe.each(ROUTES)('$route', (route) => {
    it.each(ROLES)('answers %s as the table says', async (role) => {
      const response = await send(await route.call(fx), fx.keys[role]);

      if (!route.allowed.includes(role)) {
        expect({ role, status: response.status, body: response.body }).toMatchObject({ role, status: 403, body: { code: 'forbidden' } });
      } else if (route.success === PASSES_ROLE_CHECK) {
        expect({ role, refused: [401, 403].includes(response.status) }).toEqual({ role, refused: false });
      } else {
        expect({ role, status: response.status, body: response.body }).toMatchObject({ role, status: route.success });
      }
    });

    it.each([
      ['no key', undefined],
      ['another scheme', 'Basic YWRtaW46YWRtaW4='],
      ['an unknown key', `Bearer ${API_KEY_PREFIX}unknownAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`],
    ])('answers 401 to %s', async (_case, authorization) => {
      const request = await route.call(fx);
      const response = await call<{ code: string }>(fx.url, request.method, request.path, {
        key: null,
        headers: authorization ? { authorization } : {},
        body: request.body,
      });

      expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });

    if (route.acrossMembers && route.allowed.includes('partner')) {
      it("answers 404 to a partner aiming at another member's data", async () => {
        const response = await send(await route.acrossMembers!(fx), fx.keys.partner);

        expect({ status: response.status, body: response.body }).toMatchObject({ status: 404, body: { code: 'not_found' } });
      });
    }
  });

  it("lists only the partner's own member's requests", async () => {
    const [mine, theirs] = [await fx.requestOf(fx.own), await fx.requestOf(fx.other)];

    const partnerView = await call<{ items: { id: string; memberId: string }[] }>(fx.url, 'GET', '/v1/requests?limit=200', { key: fx.keys.partner });
    const coordinatorView = await call<{ items: { id: string }[] }>(fx.url, 'GET', '/v1/requests?limit=200', { key: fx.keys.coordinator });

    expect(partnerView.body.items.map((r) => r.id)).toContain(mine);
    expect(partnerView.body.items.map((r) => r.id)).not.toContain(theirs);
    expect(new Set(partnerView.body.items.map((r) => r.memberId))).toEqual(new Set([fx.own.id]));
    expect(coordinatorView.body.items.map((r) => r.id)).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('answers a partner that names no member with its own member', async () => {
    const { memberId: _ignored, ...body } = requestBody({});
    const submitted = await call<SubmissionAccepted>(fx.url, 'POST', '/v1/requests', { key: fx.keys.partner, body });
    const read = await call<{ memberId: string }>(fx.url, 'GET', `/v1/requests/${submitted.body.id}`, { key: fx.keys.partner });

    expect(submitted.status).toBe(202);
    expect(read.body.memberId).toBe(fx.own.id);
  });

  it('makes a coordinator name the member of a request', async () => {
    const { memberId: _ignored, ...body } = requestBody({});
    const response = await call<{ errors: { field: string }[] }>(fx.url, 'POST', '/v1/requests', { key: fx.keys.coordinator, body });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.field)).toEqual(['memberId']);
  });

  describe('credentials', () => {
    it('issues a key shown once, with a recognisable prefix, that works at once', async () => {
      const issued = await issueKey(fx.url, 'partner', fx.own.id);

      expect(issued.key.startsWith(API_KEY_PREFIX)).toBe(true);
      expect(issued.key.length).toBeGreaterThan(40);
      expect(issued.keyPrefix).toBe(issued.key.slice(0, issued.keyPrefix.length));
      expect(issued).toMatchObject({ role: 'partner', memberId: fx.own.id, revokedAt: null });
      expect((await call(fx.url, 'GET', '/v1/requests', { key: issued.key })).status).toBe(200);
    });

    it('stores only a hash of the key, and when it was last used', async () => {
      const issued = await issueKey(fx.url, 'coordinator');
      await call(fx.url, 'GET', '/v1/domains', { key: issued.key });

      const rows = await query<{ key_hash: string; last_used_at: Date | null; everything: string }>(
        'SELECT key_hash, last_used_at, row_to_json(c)::text AS everything FROM members.credential c WHERE id = $1',
        [issued.id],
      );
      expect(rows[0].everything).not.toContain(issued.key);
      expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].last_used_at).toBeInstanceOf(Date);
    });

    it('refuses a revoked key from the very next request', async () => {
      const issued = await issueKey(fx.url, 'partner', fx.own.id);
      expect((await call(fx.url, 'GET', '/v1/requests', { key: issued.key })).status).toBe(200);

      const revoked = await call(fx.url, 'DELETE', `/v1/credentials/${issued.id}`);
      const after = await call<{ code: string }>(fx.url, 'GET', '/v1/requests', { key: issued.key });

      expect(revoked.status).toBe(204);
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
      expect((await call(fx.url, 'DELETE', `/v1/credentials/${issued.id}`)).status).toBe(204);
    });

    it('asks members about a key once for a while, and refuses it as soon as members revokes it, even behind this gateway', async () => {
      const issued = await issueKey(fx.url, 'partner', fx.own.id);
      const authenticate = jest.spyOn(stack.app('members').get(CredentialService), 'authenticate');
      try {
        for (let i = 0; i < 3; i += 1) expect((await call(fx.url, 'GET', '/v1/requests', { key: issued.key })).status).toBe(200);
        expect(authenticate).toHaveBeenCalledTimes(1);

        // Members broadcasts the revocation; the gateway forgets the key it kept.
        await stack.app('gateway').get(RpcClient).send(CredentialRpc.revoke, { id: issued.id });
        await eventually(async () => expect((await call(fx.url, 'GET', '/v1/requests', { key: issued.key })).status).toBe(401), 5_000);
      } finally {
        authenticate.mockRestore();
      }
    });

    it.each([
      [{ role: 'partner' }, 'memberId'],
      [{ role: 'coordinator', memberId: '6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50' }, 'memberId'],
      [{ role: 'partner', memberId: '6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50' }, 'memberId'],
      [{ role: 'superuser' }, 'role'],
    ])('refuses to issue %j', async (body, field) => {
      const response = await call<{ errors: { field: string }[] }>(fx.url, 'POST', '/v1/credentials', { body });

      expect(response.status).toBe(400);
      expect(response.body.errors.map((e) => e.field)).toEqual([field]);
    });

    it('answers 404 when revoking an unknown credential', async () => {
      expect((await call(fx.url, 'DELETE', '/v1/credentials/6f1c5b4e-8a51-4a8e-9c43-0c1b2d3e4f50')).status).toBe(404);
    });
  });

  describe('while the members service is down', () => {
    afterAll(() => stack.startPart('members'));

    it('lets in the keys members accepted lately, with their roles, and no other', async () => {
      const [recent, neverUsed, revoked, refused] = [
        await issueKey(fx.url, 'coordinator'),
        await issueKey(fx.url, 'coordinator'),
        await issueKey(fx.url, 'coordinator'),
        await issueKey(fx.url, 'coordinator'),
      ];
      for (const { key } of [recent, revoked, refused]) expect((await call(fx.url, 'GET', '/v1/professionals', { key })).status).toBe(200);
      expect((await call(fx.url, 'DELETE', `/v1/credentials/${revoked.id}`)).status).toBe(204);
      // Revoked behind this gateway's back: members' broadcast of the revocation makes it forget the key.
      await stack.app('gateway').get(RpcClient).send(CredentialRpc.revoke, { id: refused.id });
      expect((await call(fx.url, 'GET', '/v1/professionals', { key: refused.key })).status).toBe(401);

      await stack.stopPart('members');

      expect((await call(fx.url, 'GET', '/v1/professionals', { key: recent.key })).status).toBe(200);
      // Its role still holds: a coordinator may not issue keys.
      expect((await call(fx.url, 'POST', '/v1/credentials', { key: recent.key, body: { role: 'coordinator' } })).status).toBe(403);
      expect((await call(fx.url, 'GET', '/v1/professionals', { key: neverUsed.key })).status).toBe(503);
      expect((await call(fx.url, 'GET', '/v1/professionals', { key: revoked.key })).status).toBe(503);
      expect((await call(fx.url, 'GET', '/v1/professionals', { key: refused.key })).status).toBe(503);
    });
  });

  describe('the bootstrap admin (ADMIN_API_KEY)', () => {
    const otherKey = 'another-admin-key-9876543210';
    const restartMembers = async (adminKey: string | undefined): Promise<void> => {
      if (adminKey === undefined) delete stack.env.ADMIN_API_KEY;
      else stack.env.ADMIN_API_KEY = adminKey;
      await stack.stopPart('members');
      await stack.startPart('members');
    };
    const adminStatus = async (key: string): Promise<number> => (await call(fx.url, 'GET', '/v1/members', { key })).status;
    afterAll(() => restartMembers(ADMIN_KEY));

    it('follows ADMIN_API_KEY: A, then B, then A again, and the configured one always works', async () => {
      await restartMembers(otherKey);
      expect(await adminStatus(ADMIN_KEY)).toBe(401);
      expect(await adminStatus(otherKey)).toBe(200);

      await restartMembers(ADMIN_KEY);
      expect(await adminStatus(ADMIN_KEY)).toBe(200);
      expect(await adminStatus(otherKey)).toBe(401);
    });

    it('comes back after a start without any ADMIN_API_KEY', async () => {
      await restartMembers(undefined);
      expect(await adminStatus(ADMIN_KEY)).toBe(401);

      await restartMembers(ADMIN_KEY);
      expect(await adminStatus(ADMIN_KEY)).toBe(200);
    });

    it('stays revoked when an admin revoked it through the API, and the start says so and what to do', async () => {
      await restartMembers(otherKey);
      const [bootstrap] = await query<{ id: string }>('SELECT id FROM members.credential WHERE bootstrap AND revoked_at IS NULL', []);
      expect((await call(fx.url, 'DELETE', `/v1/credentials/${bootstrap.id}`, { key: otherKey })).status).toBe(204);
      const errors = jest.spyOn(Logger.prototype, 'error');
      try {
        await restartMembers(otherKey);
        expect(await adminStatus(otherKey)).toBe(401);
        expect(errors).toHaveBeenCalledWith(
          expect.objectContaining({ msg: expect.stringMatching(/ADMIN_API_KEY does not work: an admin revoked this key.*Set ADMIN_API_KEY to a new key/), credentialId: bootstrap.id }),
        );
      } finally {
        errors.mockRestore();
      }
      // The configured ADMIN_KEY is not affected.
      await restartMembers(ADMIN_KEY);
      expect(await adminStatus(ADMIN_KEY)).toBe(200);
    });
  });

  async function query<Row extends object>(sql: string, params: unknown[]): Promise<Row[]> {
    const client = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await client.connect();
    try {
      return (await client.query<Row>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
});
