export * from './professional-contact.js';
