export * from './load-config.js';
export * from './base-config.js';
export * from './config.module.js';
export * from './env-boolean.js';
export * from './time-zone.js';
