export * from './pagination.js';
export * from './calendar-date.js';
