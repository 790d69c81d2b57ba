export * from './coalesced-run.js';
export * from './keyed-work-pool.js';
