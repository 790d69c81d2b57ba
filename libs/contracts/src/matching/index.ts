export * from './matching.dto.js';
export * from './matching.contracts.js';
