// Shared by every jest project. The code base is ESM (NestJS 12 ships only ESM), so jest runs with
// --experimental-vm-modules and ts-jest in ESM mode; imports keep their .js extension in source.
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));

export const preset = {
  testEnvironment: 'node',
  // Nest, class-validator and TypeORM read decorator metadata; main.ts loads this in production.
  setupFiles: ['reflect-metadata'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: `${root}/tsconfig.spec.json` }],
  },
  moduleNameMapper: {
    '^@coop/platform/testing$': `${root}/libs/platform/src/testing/index.ts`,
    '^@coop/(contracts|platform)$': `${root}/libs/$1/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
