export * from './rpc-contract.js';
export * from './event-contract.js';
export * from './headers.js';
