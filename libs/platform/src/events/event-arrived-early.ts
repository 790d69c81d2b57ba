import type { EventEnvelope } from '@coop/contracts';

/** How long an event that arrived before the one it follows is retried before it is let go. */
export const PREDECESSOR_WAIT_MS = 10 * 60_000;

/**
 * Thrown by a handler whose event cannot apply yet because an earlier event of the same order key
 * has not been handled. One replica handles a key's events in order, but with several replicas two
 * of them can be in two replicas' hands at once. The consumer retries it with its usual backoff and
 * logs it quietly: it is expected, not a failure.
 */
export class EventArrivedEarly extends Error {
  override readonly name = 'EventArrivedEarly';
}

/**
 * For an event that does not fit the current state: throws EventArrivedEarly (so it is retried)
 * while the event is younger than `waitMs`; after that, returns, and the caller lets it go.
 */
export function retryWhileYoung(envelope: EventEnvelope, why: string, waitMs = PREDECESSOR_WAIT_MS): void {
  if (Date.now() - Date.parse(envelope.occurredAt) < waitMs) throw new EventArrivedEarly(`${why}; retrying in case an earlier event is still on its way`);
}
