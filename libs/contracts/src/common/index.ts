export * from './pagination.js';
export * from './calendar-date.js';
export * from './dates.js';
export * from './strict-boolean.js';
