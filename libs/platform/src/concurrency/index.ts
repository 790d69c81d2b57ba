export * from './coalesced-run.js';
