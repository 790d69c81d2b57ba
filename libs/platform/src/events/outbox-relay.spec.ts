import type { EventEnvelope } from '@coop/contracts';
import { mockOf } from '../testing/mocks.js';
import { ServiceConfig } from '../config/base-config.js';
import { EventPublisher } from './event-publisher.js';
import { OUTBOX_BATCH_SIZE, OutboxRelay } from './outbox-relay.js';
import { OutboxStore, type PendingEvent } from './outbox-store.js';

const config = Object.assign(new ServiceConfig(), { DATABASE_URL: 'postgres://unused', EVENT_RETENTION_DAYS: 14 });

function row(seq: number): PendingEvent {
  const id = `e0000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  const envelope: EventEnvelope = { id, type: 'events.parcel.shipped.v1', occurredAt: '2026-11-02T14:00:00.000Z', data: { seq } };
  return { seq: String(seq), id, subject: envelope.type, envelope };
}

/** A relay over an outbox holding `rows` (handed out in batches, each once), of which this replica is the publisher when `leader`. */
function setUp({ rows = [row(1), row(2), row(3)], leader = true } = {}) {
  let pending = rows;
  const outbox = mockOf<OutboxStore>({
    lead: async () => leader,
    leading: leader,
    pending: async (limit: number) => {
      const batch = pending.slice(0, limit);
      pending = pending.slice(limit);
      return batch;
    },
    markPublished: async () => undefined,
    purge: async () => ({ outboxEvents: 4, processedEvents: 7 }),
    onCommitted: () => undefined,
    release: async () => undefined,
  });
  const publisher = mockOf<EventPublisher>({ ready: async () => undefined, publish: async () => undefined });
  return { sut: new OutboxRelay(config, 'shipping', outbox, publisher), outbox, publisher };
}

describe(OutboxRelay.name, () => {
  it('publishes the pending events in commit order, each with its id as message id, and marks them published with its next read', async () => {
    const { sut, outbox, publisher } = setUp();

    await sut.drain();
    await sut.drain();

    expect(publisher.publish.mock.calls).toEqual([1, 2, 3].map((seq) => [row(seq).subject, row(seq).envelope, row(seq).id]));
    expect(outbox.pending.mock.calls).toEqual([
      [OUTBOX_BATCH_SIZE, []],
      [OUTBOX_BATCH_SIZE, ['1', '2', '3']],
    ]);
    expect(outbox.markPublished).not.toHaveBeenCalled();
  });

  it('stops at the first event it cannot publish, so that none overtakes it, and marks only those before', async () => {
    const { sut, outbox, publisher } = setUp();
    publisher.publish.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('NATS is restarting'));

    await sut.drain();
    await sut.drain();

    expect(publisher.publish).toHaveBeenCalledTimes(2);
    expect(outbox.pending.mock.calls[1]).toEqual([OUTBOX_BATCH_SIZE, ['1']]);
  });

  it('marks what it published last when it stops, no read following', async () => {
    const { sut, outbox } = setUp();

    // Its last pass publishes 1 to 3.
    await sut.beforeApplicationShutdown();

    expect(outbox.markPublished).toHaveBeenCalledWith(['1', '2', '3']);
    expect(outbox.release).toHaveBeenCalled();
  });

  it('reads the outbox once when what it read was less than a batch: a later commit wakes it again', async () => {
    const { sut, outbox } = setUp();

    await sut.drain();

    expect(outbox.pending).toHaveBeenCalledTimes(1);
  });

  it('reads on after a full batch, until the outbox is empty', async () => {
    const rows = Array.from({ length: OUTBOX_BATCH_SIZE + 1 }, (_, i) => row(i + 1));
    const { sut, outbox, publisher } = setUp({ rows });

    await sut.drain();

    expect(outbox.pending).toHaveBeenCalledTimes(2);
    expect(publisher.publish).toHaveBeenCalledTimes(OUTBOX_BATCH_SIZE + 1);
  });

  it('leaves publishing to the replica that holds the lock', async () => {
    const { sut, outbox, publisher } = setUp({ leader: false });

    await sut.drain();

    expect(outbox.pending).not.toHaveBeenCalled();
    expect(publisher.publish).not.toHaveBeenCalled();
  });

  it('marks nothing when the outbox is empty', async () => {
    const { sut, outbox } = setUp({ rows: [] });

    await sut.drain();
    await sut.beforeApplicationShutdown();

    expect(outbox.pending).toHaveBeenCalledWith(OUTBOX_BATCH_SIZE, []);
    expect(outbox.markPublished).not.toHaveBeenCalled();
  });

  it('purges what is older than EVENT_RETENTION_DAYS when it is the publisher, and nothing otherwise', async () => {
    expect(await setUp().sut.purgeExpired()).toEqual({ outboxEvents: 4, processedEvents: 7 });
    const follower = setUp({ leader: false });
    expect(await follower.sut.purgeExpired()).toEqual({ outboxEvents: 0, processedEvents: 0 });
    expect(follower.outbox.purge).not.toHaveBeenCalled();
    const { sut, outbox } = setUp();
    await sut.purgeExpired();
    expect(outbox.purge).toHaveBeenCalledWith(14);
  });

  it('wakes to publish when new events are committed', () => {
    const { outbox } = setUp();

    expect(outbox.onCommitted).toHaveBeenCalledWith(expect.any(Function));
  });
});
