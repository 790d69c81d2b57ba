import { jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos, NatsConnection } from '@nats-io/transport-node';
import { EVENT_SUBJECT_ROOT } from '@coop/contracts';
import { eventStreamName, namespacedSubject } from '../messaging/subject-namespace.js';

const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** How long the stream keeps an event: a consumer can be handed it again until then. */
export const EVENT_STREAM_MAX_AGE_DAYS = 14;
const MAX_AGE_MS = EVENT_STREAM_MAX_AGE_DAYS * 24 * 3_600_000;

/**
 * Creates (or keeps) the namespace's event stream. Idempotent; every publisher and consumer calls it.
 * `replicas` is how many servers of a NATS cluster keep each event (1 on a single server; 3 on a
 * cluster of three keeps every acknowledged event through the loss of any one of them).
 */
export async function ensureEventStream(nc: NatsConnection, namespace: string, replicas = 1): Promise<string> {
  const jsm = await jetstreamManager(nc);
  const name = eventStreamName(namespace);
  const subjects = [namespacedSubject(namespace, `${EVENT_SUBJECT_ROOT}.>`)];
  try {
    await jsm.streams.info(name);
  } catch {
    await jsm.streams
      .add({
        name,
        subjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        max_age: nanos(MAX_AGE_MS),
        num_replicas: replicas,
      })
      .catch(async (error: unknown) => {
        // Another replica created it between our info and add.
        await jsm.streams.info(name).catch(() => {
          throw error;
        });
      });
  }
  return name;
}
