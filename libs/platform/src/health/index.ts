export * from './dependency-check.js';
export * from './service-ping.controller.js';
