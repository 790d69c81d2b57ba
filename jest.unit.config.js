import { preset } from './jest.preset.js';

/** Unit tests: one class or function at a time, beside the code (`*.spec.ts`). */
export default {
  ...preset,
  displayName: 'unit',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/tests/deployment/*.spec.ts'],
};
