import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** Decides the answer to each call of one path: its number (1-based) and the call itself. */
export type Responder = (call: number, received: Omit<ReceivedWebhook, 'status'>) => number;

/**
 * A real HTTP server on 127.0.0.1 (any free port) standing in for partner systems: each path is
 * one partner endpoint whose answers the test scripts; every call is recorded.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly responders = new Map<string, Responder>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const call = { path, headers: flatten(request.headers), body: Buffer.concat(chunks).toString('utf8') };
        const callNumber = receiver.on(path).length + 1;
        const status = receiver.responders.get(path)?.(callNumber, call) ?? 200;
        receiver.received.push({ ...call, status });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** URL of an endpoint on this receiver answering with `responder` (200 by default). */
  endpoint(path: string, responder?: Responder): string {
    if (responder) this.responders.set(path, responder);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  respond(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((call) => call.path === path);
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}
