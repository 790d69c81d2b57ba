/** The Postgres schema of the service (its outbox and processed-event tables live there). */
export const SERVICE_SCHEMA = Symbol('SERVICE_SCHEMA');
/** The durable consumer name of the service on the event stream (one per service). */
export const CONSUMER_NAME = Symbol('CONSUMER_NAME');
