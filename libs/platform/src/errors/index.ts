export * from './field-errors.js';
export * from './validation.pipe.js';
export * from './rpc-exception.filter.js';
