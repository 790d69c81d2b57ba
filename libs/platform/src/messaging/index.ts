export * from './subject-namespace.js';
export * from './namespaced-server-nats.js';
export * from './rpc-handler.decorator.js';
export * from './nats-connection.js';
export * from './rpc-client.js';
export * from './correlation.interceptor.js';
export * from './messaging.module.js';
