export * from './error-code.js';
export * from './error-payload.js';
export * from './domain.exception.js';
