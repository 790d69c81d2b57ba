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
});
