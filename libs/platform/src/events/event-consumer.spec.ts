import { jest } from '@jest/globals';
import type { DeliveryInfo, JsMsg } from '@nats-io/jetstream';
import { IsUUID } from 'class-validator';
import { defineEvent, type EventEnvelope } from '@coop/contracts';
import { inlineTransactions, mockManager, mockOf } from '@coop/platform/testing';
import { ServiceConfig } from '../config/base-config.js';
import type { NatsConnectionProvider } from '../messaging/nats-connection.js';
import { EventArrivedEarly } from './event-arrived-early.js';
import { EventConsumer } from './event-consumer.js';
import { EventHandlerRegistry, type RegisteredEventHandler } from './event-handler-registry.js';
import { type EventHandler, onEvent } from './on-event.decorator.js';
import { ProcessedEvents } from './processed-events.js';

class ParcelShipped {
  @IsUUID() parcelId: string;
}
const PARCEL = 'a0000000-0000-4000-8000-000000000001';
const shipped = defineEvent('events.parcel.shipped.v1', ParcelShipped, (data) => `parcel:${data.parcelId}`);

const config = Object.assign(new ServiceConfig(), { NATS_NAMESPACE: 'test', DATABASE_URL: 'postgres://unused' });

function envelopeOf(data: object, id = 'e0000000-0000-4000-8000-000000000001'): EventEnvelope {
  return { id, type: shipped.subject, occurredAt: new Date().toISOString(), data };
}

/** A JetStream message as the client hands it over, on `subject`, carrying `body`. */
function messageOf(body: EventEnvelope | string, { subject = `test.${shipped.subject}`, deliveryCount = 1 } = {}) {
  return mockOf<JsMsg>({
    subject,
    json: <T>() => (typeof body === 'string' ? JSON.parse(body) : body) as T,
    info: mockOf<DeliveryInfo>({ deliveryCount }),
  });
}

/** A consumer whose one handler, for `shipped`, does what `handle` does; `alreadyHandled` is what the record of handled events says. */
function setUp({ handle = async () => undefined, alreadyHandled = false }: { handle?: EventHandler<ParcelShipped>; alreadyHandled?: boolean } = {}) {
  const handler = jest.fn(handle);
  const binding: RegisteredEventHandler = onEvent(shipped, handler);
  const registry = mockOf<EventHandlerRegistry>({ discover: () => new Map([[shipped.subject, binding]]) });
  const processed = mockOf<ProcessedEvents>({ markHandled: async () => !alreadyHandled });
  const manager = mockManager();
  const sut = new EventConsumer(config, 'shipping', registry, mockOf<NatsConnectionProvider>(), inlineTransactions(manager), processed);
  const receive = async (message: JsMsg) => {
    await sut.receive(message);
    await sut.idle();
  };
  return { sut, receive, handler, processed, manager };
}

describe(EventConsumer.name, () => {
  it('hands the event to its handler in a transaction that records it, then acks it', async () => {
    const { receive, handler, processed, manager } = setUp();
    const message = messageOf(envelopeOf({ parcelId: PARCEL }));

    await receive(message);

    expect(processed.markHandled).toHaveBeenCalledWith(manager, 'shipping', 'e0000000-0000-4000-8000-000000000001');
    expect(handler).toHaveBeenCalledWith(expect.any(ParcelShipped), expect.objectContaining({ id: 'e0000000-0000-4000-8000-000000000001' }), manager, { attempt: 1 });
    expect(message.ack).toHaveBeenCalledTimes(1);
    expect(message.nak).not.toHaveBeenCalled();
  });

  it('acks an event handled before without handling it again (only the ack was lost)', async () => {
    const { receive, handler } = setUp({ alreadyHandled: true });
    const message = messageOf(envelopeOf({ parcelId: PARCEL }));

    await receive(message);

    expect(handler).not.toHaveBeenCalled();
    expect(message.ack).toHaveBeenCalledTimes(1);
  });

  it('retries a failed event later, with the backoff of its attempt, without acking it', async () => {
    const { receive } = setUp({ handle: async () => Promise.reject(new Error('Postgres is restarting')) });
    const message = messageOf(envelopeOf({ parcelId: PARCEL }), { deliveryCount: 3 });

    await receive(message);

    expect(message.ack).not.toHaveBeenCalled();
    expect(message.nak).toHaveBeenCalledWith(1_000);
  });

  it('retries an event that arrived before the one it follows', async () => {
    const { receive } = setUp({ handle: async () => Promise.reject(new EventArrivedEarly('not yet')) });
    const message = messageOf(envelopeOf({ parcelId: PARCEL }));

    await receive(message);

    expect(message.nak).toHaveBeenCalledWith(250);
  });

  it('tells the handler which attempt this is', async () => {
    const { receive, handler } = setUp();

    await receive(messageOf(envelopeOf({ parcelId: PARCEL }), { deliveryCount: 4 }));

    expect(handler).toHaveBeenCalledWith(expect.anything(), expect.anything(), expect.anything(), { attempt: 4 });
  });

  it('drops, for good, an event that breaks its contract', async () => {
    const { receive, handler } = setUp();
    const message = messageOf(envelopeOf({ parcelId: 'not-a-uuid' }));

    await receive(message);

    expect(handler).not.toHaveBeenCalled();
    expect(message.term).toHaveBeenCalledTimes(1);
    expect(message.ack).not.toHaveBeenCalled();
  });

  it('drops an event that is not JSON', async () => {
    const { receive, handler } = setUp();
    const message = messageOf('{ not json');

    await receive(message);

    expect(handler).not.toHaveBeenCalled();
    expect(message.term).toHaveBeenCalledTimes(1);
  });

  it('acks, unhandled, an event this service has no handler for', async () => {
    const { receive, handler, processed } = setUp();
    const message = messageOf(envelopeOf({ parcelId: PARCEL }), { subject: 'test.events.parcel.lost.v1' });

    await receive(message);

    expect(handler).not.toHaveBeenCalled();
    expect(processed.markHandled).not.toHaveBeenCalled();
    expect(message.ack).toHaveBeenCalledTimes(1);
  });

  it('handles the events of one order key one after another, in the order received', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const { sut } = setUp({
      handle: async (_data, envelope) => {
        order.push(`start ${envelope.id}`);
        if (envelope.id.endsWith('1')) await first;
        order.push(`end ${envelope.id}`);
      },
    });

    await sut.receive(messageOf(envelopeOf({ parcelId: PARCEL }, 'e0000000-0000-4000-8000-000000000001')));
    await sut.receive(messageOf(envelopeOf({ parcelId: PARCEL }, 'e0000000-0000-4000-8000-000000000002')));
    releaseFirst();
    await sut.idle();

    expect(order).toEqual([
      'start e0000000-0000-4000-8000-000000000001',
      'end e0000000-0000-4000-8000-000000000001',
      'start e0000000-0000-4000-8000-000000000002',
      'end e0000000-0000-4000-8000-000000000002',
    ]);
  });
});
