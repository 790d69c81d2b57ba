import { ClassOf, assertVersioned } from './rpc-contract.js';

/** Every durable event subject starts with this; the JetStream stream captures `<ns>.events.>`. */
export const EVENT_SUBJECT_ROOT = 'events';

/** A durable event: the subject it is published on and the class of its payload. */
export interface EventContract<Payload> {
  readonly subject: string;
  readonly payload: ClassOf<Payload>;
}

export function defineEvent<Payload>(subject: string, payload: ClassOf<Payload>): EventContract<Payload> {
  if (!subject.startsWith(`${EVENT_SUBJECT_ROOT}.`)) {
    throw new Error(`Event subject "${subject}" must start with "${EVENT_SUBJECT_ROOT}."`);
  }
  assertVersioned(subject);
  return { subject, payload };
}

/** What is stored in the outbox and published on JetStream. `id` is the deduplication key. */
export interface EventEnvelope<Payload = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  correlationId?: string;
  data: Payload;
}
