import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ServiceName } from '@coop/contracts';
import { loadConfig } from '@coop/platform';
import { GatewayConfig } from '../../apps/gateway/src/config.js';
import { MatchingConfig } from '../../apps/matching/src/config.js';
import { MembersConfig } from '../../apps/members/src/config.js';
import { NotificationsConfig } from '../../apps/notifications/src/config.js';
import { ProfessionalsConfig } from '../../apps/professionals/src/config.js';
import { repositoryRoot } from '../../tools/repository-root.js';
import { MEILI_INDEXING_MEMORY_BYTES } from '../../tools/stack/meilisearch.js';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its drift is caught by reading it:
 * every service must start with an environment its own config validation accepts.
 */
const CONFIGS: Record<ServiceName | 'gateway', new () => object> = {
  gateway: GatewayConfig,
  members: MembersConfig,
  professionals: ProfessionalsConfig,
  matching: MatchingConfig,
  notifications: NotificationsConfig,
};

interface ComposeService {
  profiles?: string[];
  command?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, unknown>;
  ports?: string[];
}

const root = repositoryRoot();
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** The environment Compose passes when none of the referenced variables is set on the host. */
function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_, variable: string, fallback?: string) => {
        if (fallback === undefined) throw new Error(`${name} needs \${${variable}} set on the host`);
        return fallback;
      }),
    ]),
  );
}

/** The single stack's service, or its twin of the "cluster" profile. */
const TOPOLOGIES = [
  { topology: 'single', serviceName: (name: string) => name, nats: ['nats'] },
  { topology: 'cluster', serviceName: (name: string) => `${name}-cluster`, nats: ['nats-1', 'nats-2', 'nats-3'] },
];
const CASES = TOPOLOGIES.flatMap((topology) => Object.entries(CONFIGS).map(([name, Config]) => ({ ...topology, name, Config })));

describe('docker-compose.yml', () => {
  it.each(CASES)('starts $name ($topology) with a configuration it accepts', ({ name, Config, serviceName, nats }) => {
    const service = compose.services[serviceName(name)];
    const env = environmentOf(service);

    expect(env.SERVICE).toBe(name);
    // The image runs dist/apps/${SERVICE}/src/main.js.
    expect(existsSync(join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    expect(() => loadConfig(Config, { NODE_ENV: 'production', ...env })).not.toThrow();
    expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['meilisearch', ...nats, 'postgres'].sort());
  });

  it.each(TOPOLOGIES)('points every $topology service at the infrastructure it defines', ({ serviceName, nats }) => {
    for (const name of Object.keys(CONFIGS)) {
      const env = environmentOf(compose.services[serviceName(name)]);
      const natsHosts = env.NATS_URL.split(',').map((url) => new URL(url).hostname);
      expect(natsHosts).toEqual(nats);
      for (const url of [env.DATABASE_URL, env.MEILI_URL]) {
        expect(Object.keys(compose.services)).toContain(new URL(url).hostname);
      }
      expect(env.MEILI_MASTER_KEY).toBe(environmentOf(compose.services.meilisearch).MEILI_MASTER_KEY);
      expect(Number(env.EVENT_STREAM_REPLICAS ?? 1)).toBe(nats.length);
    }
  });

  it('publishes the gateway on the port it listens on', () => {
    const port = environmentOf(compose.services.gateway).PORT;
    expect(compose.services.gateway.ports).toEqual([`${port}:${port}`]);
    const cluster = compose.services['gateway-cluster'];
    expect(cluster.ports).toEqual([`3001-${3000 + cluster.deploy!.replicas!}:${environmentOf(cluster).PORT}`]);
  });

  it('runs the cluster profile as three routed NATS nodes and two replicas of every service, in a database of its own', () => {
    for (const name of Object.keys(CONFIGS)) {
      const service = compose.services[`${name}-cluster`];
      expect(service.profiles).toEqual(['cluster']);
      expect(service.deploy?.replicas).toBe(2);
    }
    const conf = readFileSync(join(root, 'deploy', 'nats', 'nats-cluster.conf'), 'utf8');
    const routes = /routes:\s*\[([^\]]*)\]/.exec(conf)![1].split(',').map((route) => new URL(route.trim()).hostname);
    expect(routes).toEqual(['nats-1', 'nats-2', 'nats-3']);
    for (const node of routes) {
      const service = compose.services[node];
      expect(service.profiles).toEqual(['cluster']);
      expect(environmentOf(service).NATS_SERVER_NAME).toBe(node);
      expect(service.command).toEqual(['-c', '/etc/nats/nats-cluster.conf']);
    }
    const database = new URL(environmentOf(compose.services['members-cluster']).DATABASE_URL).pathname.slice(1);
    expect(readFileSync(join(root, 'deploy', 'postgres', 'create-cluster-database.sql'), 'utf8')).toContain(`CREATE DATABASE ${database};`);
  });

  it('gives Meilisearch’s indexer the memory npm start gives it', () => {
    expect(Number(environmentOf(compose.services.meilisearch).MEILI_MAX_INDEXING_MEMORY)).toBe(MEILI_INDEXING_MEMORY_BYTES);
  });

  it('has JetStream write every change to disk before acknowledging it, single node and cluster', () => {
    for (const file of ['nats.conf', 'nats-cluster.conf']) {
      expect(readFileSync(join(root, 'deploy', 'nats', file), 'utf8')).toMatch(/^\s*sync_interval:\s*always$/m);
    }
    expect(compose.services.nats.command).toEqual(['-c', '/etc/nats/nats.conf']);
    expect(compose.services.nats.volumes).toContain('./deploy/nats:/etc/nats:ro');
  });
});
