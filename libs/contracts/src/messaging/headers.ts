/** Header carrying the correlation id across HTTP, NATS requests and events. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
