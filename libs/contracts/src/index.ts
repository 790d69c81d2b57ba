export * from './errors/index.js';
export * from './messaging/index.js';
export * from './common/index.js';
export * from './health/index.js';
export * from './taxonomy/index.js';
export * from './members/index.js';
export * from './requests/index.js';
export * from './professionals/index.js';
