import { jest } from '@jest/globals';
import { NamespacedServerNats } from './namespaced-server-nats.js';

/** A NATS connection whose flush (the server's confirmation of what was sent) the test controls. */
function fakeConnection() {
  let confirm!: (error?: Error) => void;
  const flushed = new Promise<void>((resolve, reject) => (confirm = (error) => (error ? reject(error) : resolve())));
  const connection = {
    subscribe: jest.fn(),
    flush: jest.fn(() => flushed),
    status: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => undefined) }) }),
  };
  return { connection, confirm };
}

async function startListening(connection: object): Promise<{ started: jest.Mock; listening: Promise<void> }> {
  const server = new NamespacedServerNats('ns', 'members', {}, 1000);
  jest.spyOn(server, 'createNatsClient').mockResolvedValue(connection as never);
  server.addHandler('members.member.list.v1', async () => ({}), false);
  const started = jest.fn();
  const listening = new Promise<void>((resolve) =>
    server.listen((error?: unknown) => {
      started(error);
      resolve();
    }),
  );
  // Let the connection and the subscriptions happen.
  await new Promise((resolve) => setImmediate(resolve));
  return { started, listening };
}

describe(NamespacedServerNats.name, () => {
  it('subscribes in the namespace and queue group, and reports started only once NATS has confirmed it', async () => {
    const { connection, confirm } = fakeConnection();
    const { started, listening } = await startListening(connection);

    expect(connection.subscribe).toHaveBeenCalledWith('ns.members.member.list.v1', expect.objectContaining({ queue: 'members' }));
    expect(started).not.toHaveBeenCalled();

    confirm();
    await listening;
    expect(started).toHaveBeenCalledWith(undefined);
  });

  it('reports a failed confirmation as a failed start', async () => {
    const { connection, confirm } = fakeConnection();
    const { started, listening } = await startListening(connection);

    confirm(new Error('connection closed'));
    await listening;
    expect(started).toHaveBeenCalledWith(expect.objectContaining({ message: 'connection closed' }));
  });

  it('answers with an error at once when NATS refuses the answer (above its max_payload)', () => {
    const server = new NamespacedServerNats('ns', 'members', {}, 1000);
    const sent: unknown[] = [];
    const respond = jest.fn((data: string | Uint8Array) => {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      if (text.length > 1_000) throw new Error('max_payload size exceeded');
      sent.push(JSON.parse(text));
    });
    const publish = server.getPublisher({ reply: 'inbox.1', subject: 'ns.members.member.list.v1', respond } as never, 'request-1', {} as never);

    publish({ response: { items: 'x'.repeat(2_000) }, isDisposed: true });

    expect(respond).toHaveBeenCalledTimes(2);
    expect(sent).toEqual([expect.objectContaining({ id: 'request-1', err: { code: 'internal_error', message: 'The answer could not be sent' }, isDisposed: true })]);
  });
});
