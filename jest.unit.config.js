import { preset } from './jest.preset.js';

/** Unit tests: one class or function at a time, beside the code (`*.spec.ts`). */
export default {
  ...preset,
  displayName: 'unit',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/tests/deployment/*.spec.ts'],
  // The console's specs run in a DOM, in their own project (jest.console.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/console/'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/quiet-nest-logs.ts'],
};
