export * from './iso-week.js';
