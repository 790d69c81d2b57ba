import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicOnlyLookup } from './public-address.js';
import { postWebhook } from './webhook-sender.js';

describe(postWebhook.name, () => {
  let server: Server;
  let handler: RequestListener;
  let port: number;

  beforeAll(async () => {
    server = createServer((request, response) => handler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (options: Partial<Parameters<typeof postWebhook>[3]> = {}, host = '127.0.0.1') =>
    postWebhook(`http://${host}:${port}/hook`, '{"type":"request.assigned"}', { 'webhook-id': 'msg_1' }, { timeoutMs: 1_000, ...options });

  it('succeeds on a 2xx answer and sends the body and headers as given', async () => {
    let received = '';
    handler = (request, response) => {
      request.on('data', (chunk: Buffer) => (received += chunk.toString()));
      request.on('end', () => response.writeHead(204).end());
      expect(request.headers['webhook-id']).toBe('msg_1');
      expect(request.headers['content-type']).toBe('application/json');
    };

    const outcome = await send();

    expect(outcome).toMatchObject({ statusCode: 204, succeeded: true, error: null });
    expect(received).toBe('{"type":"request.assigned"}');
  });

  it('fails on a redirect instead of following it', async () => {
    handler = (_request, response) => response.writeHead(302, { location: 'http://169.254.169.254/' }).end();

    expect(await send()).toMatchObject({ statusCode: 302, succeeded: false, error: 'HTTP 302' });
  });

  it('fails when no answer comes within the timeout', async () => {
    handler = () => undefined;

    const outcome = await send({ timeoutMs: 100 });

    expect(outcome).toMatchObject({ statusCode: null, succeeded: false, error: 'no answer within 100 ms' });
  });

  it('refuses to connect to a host name that resolves to a private address', async () => {
    handler = (_request, response) => response.writeHead(200).end();

    const outcome = await send({ lookup: publicOnlyLookup }, 'localhost');

    expect(outcome.succeeded).toBe(false);
    expect(outcome.error).toContain('not a public address');
  });
});
