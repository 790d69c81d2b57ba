// Brings up (or reuses) Postgres, NATS and Meilisearch once for the integration run, the same way
// `npm start` does, and tells the test files where they are. Each test file then isolates itself
// in a fresh database, NATS namespace and index prefix (createTestEnvironment).
// Plain JS on the compiled bring-up code: jest loads global setup outside its ESM transform, and
// `npm test` builds first.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalSetup() {
  const { ensureInfrastructure } = await import(join(root, 'dist/tools/stack/infrastructure.js'));
  const infrastructure = await ensureInfrastructure({
    dataDir: join(root, '.data', 'test'),
    log: (line) => process.stderr.write(`[test infrastructure] ${line}\n`),
  });
  globalThis.__coopInfrastructure = infrastructure;
  process.env.COOP_TEST_DATABASE_URL = infrastructure.databaseUrl;
  process.env.COOP_TEST_NATS_URL = infrastructure.natsUrl;
  process.env.COOP_TEST_MEILI_URL = infrastructure.meiliUrl;
  process.env.COOP_TEST_MEILI_MASTER_KEY = infrastructure.meiliMasterKey;
}
