export * from './professional-contact.js';
export * from './professional.dto.js';
export * from './availability.dto.js';
export * from './professional.contracts.js';
export * from './professional-search.js';
export * from './capacity-grid.dto.js';
export * from './shared-booking.js';
