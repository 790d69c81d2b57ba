export * from './request-lifecycle.js';
export * from './request-terms.js';
export * from './request-events.js';
export * from './service-request.dto.js';
export * from './service-request.contracts.js';
export * from './share-part.js';
