export * from './database-definition.js';
export * from './data-source.js';
export * from './migrate.js';
export * from './database.module.js';
export * from './database-admin.js';
export * from './keyset-cursor.js';
export * from './keyset-page.js';
export * from './advisory-lock-session.js';
