export * from './create-service.js';
export * from './run-main.js';
