import { pendingSchemaChanges } from '@coop/platform';
import { DataSource } from 'typeorm';
import { call } from '../support/http.js';
import { TestStack } from '../support/test-stack.js';

type Readiness = { status: string; details: Record<string, { status: string }> };

describe('readiness of the whole system', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway']);
  });
  afterAll(() => stack.dispose());

  it('reports every service, NATS, Postgres and Meilisearch as up', async () => {
    const response = await call<Readiness>(stack.gatewayUrl(), 'GET', '/health/ready', { key: null });

    expect(response.status).toBe(200);
    expect(Object.fromEntries(Object.entries(response.body.details).map(([name, d]) => [name, d.status]))).toEqual({
      members: 'up',
      professionals: 'up',
      matching: 'up',
      notifications: 'up',
      nats: 'up',
      postgres: 'up',
      meilisearch: 'up',
    });
  });

  it('names the service that is down', async () => {
    await stack.stopPart('notifications');
    try {
      const response = await call<Readiness>(stack.gatewayUrl(), 'GET', '/health/ready', { key: null });

      expect(response.status).toBe(503);
      expect(response.body.details.notifications.status).toBe('down');
      expect(response.body.details.members.status).toBe('up');
    } finally {
      await stack.startPart('notifications');
    }
  });

  it('has a migration for every entity change in every service', async () => {
    for (const service of ['members', 'professionals', 'matching', 'notifications'] as const) {
      const dataSource = stack.app(service).get(DataSource);
      expect({ service, pending: await pendingSchemaChanges(dataSource) }).toEqual({ service, pending: [] });
    }
  });

  it('exposes Prometheus metrics', async () => {
    const response = await fetch(`${stack.gatewayUrl()}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('http_request_duration_seconds');
  });
});
