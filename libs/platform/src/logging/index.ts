export * from './correlation.js';
export * from './logger.js';
export * from './log-ms.js';
