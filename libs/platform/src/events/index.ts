export * from './outbox-event.entity.js';
export * from './processed-event.entity.js';
export * from './outbox.service.js';
export * from './outbox-relay.js';
export * from './on-event.decorator.js';
export * from './event-consumer.js';
export * from './events.module.js';
export * from './jetstream-stream.js';
