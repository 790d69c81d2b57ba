export * from './webhook-event-types.js';
export * from './webhook.dto.js';
export * from './notification.dto.js';
export * from './notification.contracts.js';
