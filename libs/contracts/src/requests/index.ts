export * from './request-events.js';
