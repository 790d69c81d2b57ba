export * from './member.dto.js';
export * from './member.contracts.js';
