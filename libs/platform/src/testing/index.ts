export * from './test-environment.js';
export * from './eventually.js';
