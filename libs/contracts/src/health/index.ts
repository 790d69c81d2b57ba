export * from './service-ping.js';
