export * from './matching.dto.js';
export * from './nearest-fits.dto.js';
export * from './matching.contracts.js';
export * from './shared-assignment.dto.js';
export * from './ranking-weights.js';
export * from './keywords.js';
