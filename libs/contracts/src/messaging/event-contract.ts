import { ClassOf, assertVersioned } from './rpc-contract.js';

/** Every durable event subject starts with this; the JetStream stream captures `<ns>.events.>`. */
export const EVENT_SUBJECT_ROOT = 'events';

/**
 * A durable event: the subject it is published on, the class of its payload, and what orders it.
 * A consumer handles events with the same `orderKey` one after another, in stream order (e.g. every
 * event of one request); events with different keys may be handled at the same time.
 */
export interface EventContract<Payload> {
  readonly subject: string;
  readonly payload: ClassOf<Payload>;
  orderKey(data: Payload): string;
}

export function defineEvent<Payload>(subject: string, payload: ClassOf<Payload>, orderKey: (data: Payload) => string): EventContract<Payload> {
  if (!subject.startsWith(`${EVENT_SUBJECT_ROOT}.`)) {
    throw new Error(`Event subject "${subject}" must start with "${EVENT_SUBJECT_ROOT}."`);
  }
  assertVersioned(subject);
  return { subject, payload, orderKey };
}

/** What is stored in the outbox and published on JetStream. `id` is the deduplication key. */
export interface EventEnvelope<Payload = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  correlationId?: string;
  data: Payload;
}
