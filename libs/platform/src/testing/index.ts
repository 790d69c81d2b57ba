export * from './test-environment.js';
export * from './eventually.js';
export * from './mocks.js';
