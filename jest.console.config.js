import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));

/** The console's own unit and component tests (apps/console, `*.spec.ts(x)`), in a DOM (jsdom). */
export default {
  displayName: 'console',
  rootDir: '.',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/apps/console/src/**/*.spec.{ts,tsx}'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: `${root}/apps/console/tsconfig.spec.json` }],
  },
  moduleNameMapper: { '\\.css$': `${root}/apps/console/src/test/empty-style.js` },
};
