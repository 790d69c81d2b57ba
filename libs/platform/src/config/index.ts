export * from './load-config.js';
export * from './base-config.js';
export * from './config.module.js';
export * from './time-zone.js';
