import { preset } from './jest.preset.js';

/** Integration tests: the real services on real Postgres, NATS and Meilisearch (`*.integration-spec.ts`). */
export default {
  ...preset,
  displayName: 'integration',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs,tests}/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  testTimeout: 60_000,
};
