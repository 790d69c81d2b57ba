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

describe('docker-compose.yml', () => {
  it.each(Object.entries(CONFIGS))('starts %s with a configuration it accepts', (name, Config) => {
    const service = compose.services[name];
    const env = environmentOf(service);

    expect(env.SERVICE).toBe(name);
    // The image runs dist/apps/${SERVICE}/src/main.js.
    expect(existsSync(join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    expect(() => loadConfig(Config, { NODE_ENV: 'production', ...env })).not.toThrow();
    expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['meilisearch', 'nats', 'postgres']);
  });

  it('points every service at the infrastructure it defines', () => {
    for (const name of Object.keys(CONFIGS)) {
      const env = environmentOf(compose.services[name]);
      for (const url of [env.DATABASE_URL, env.NATS_URL, env.MEILI_URL]) {
        expect(Object.keys(compose.services)).toContain(new URL(url).hostname);
      }
      expect(env.MEILI_MASTER_KEY).toBe(environmentOf(compose.services.meilisearch).MEILI_MASTER_KEY);
    }
  });

  it('publishes the gateway on the port it listens on', () => {
    const port = environmentOf(compose.services.gateway).PORT;
    expect(compose.services.gateway.ports).toEqual([`${port}:${port}`]);
  });
});
