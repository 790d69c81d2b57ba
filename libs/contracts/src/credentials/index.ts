export * from './api-key.js';
export * from './credential.dto.js';
export * from './credential.contracts.js';
