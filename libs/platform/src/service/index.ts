export * from './service-kit.module.js';
