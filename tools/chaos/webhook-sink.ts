// The partner systems' side of the fault suite: a real HTTP receiver that checks each webhook's
// signature (Standard Webhooks) and records it, so that what arrived can be counted afterwards:
// the same event under two webhook-ids is a duplicate the receiver could not recognise; the same
// webhook-id twice is an at-least-once redelivery it can.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { LOCALHOST } from '../stack/ports.js';

export interface ReceivedEvent {
  path: string;
  webhookId: string;
  /** type, timestamp and data: what tells one event from another. */
  event: string;
}

export interface WebhookFigures {
  received: number;
  /** Distinct webhook-ids: events the receiver kept. */
  distinct: number;
  /** Calls with a webhook-id already seen (retries the receiver deduplicates). */
  redelivered: number;
  /** Events that arrived under more than one webhook-id at one endpoint. */
  duplicated: number;
  badSignatures: number;
  /** Deliveries notifications counts as succeeded that never reached the receiver. */
  missing: number;
}

/** A delivery as notifications recorded it: to which path, under which webhook-id. */
export interface RecordedDelivery {
  path: string;
  webhookId: string;
}

export class WebhookSink {
  readonly received: ReceivedEvent[] = [];
  private badSignatures = 0;
  private readonly verifiers = new Map<string, Webhook>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookSink> {
    const server = createServer();
    const sink = new WebhookSink(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        sink.record(request.url ?? '/', request.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, LOCALHOST, resolve));
    return sink;
  }

  get url(): string {
    return `http://${LOCALHOST}:${(this.server.address() as AddressInfo).port}`;
  }

  /** Signatures at `path` are checked with this endpoint secret (whsec_…). */
  expect(path: string, secret: string): void {
    this.verifiers.set(path, new Webhook(secret));
  }

  /** Forgets what came so far (between two faults). */
  clear(): void {
    this.received.length = 0;
    this.badSignatures = 0;
    this.verifiers.clear();
  }

  /** What arrived, against what notifications says it delivered. */
  figures(delivered: RecordedDelivery[]): WebhookFigures {
    const ids = new Set(this.received.map((item) => `${item.path} ${item.webhookId}`));
    const idsPerEvent = new Map<string, Set<string>>();
    for (const item of this.received) {
      const key = `${item.path} ${item.event}`;
      idsPerEvent.set(key, (idsPerEvent.get(key) ?? new Set()).add(item.webhookId));
    }
    return {
      received: this.received.length,
      distinct: ids.size,
      redelivered: this.received.length - ids.size,
      duplicated: [...idsPerEvent.values()].filter((set) => set.size > 1).length,
      badSignatures: this.badSignatures,
      missing: delivered.filter((delivery) => !ids.has(`${delivery.path} ${delivery.webhookId}`)).length,
    };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private record(path: string, headers: Record<string, string>, body: string): void {
    try {
      this.verifiers.get(path)?.verify(body, headers);
    } catch {
      this.badSignatures += 1;
    }
    const { type, timestamp, data } = JSON.parse(body) as { type: string; timestamp: string; data: unknown };
    this.received.push({ path, webhookId: headers['webhook-id'], event: JSON.stringify([type, timestamp, data]) });
  }
}
