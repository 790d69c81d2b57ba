import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface SendOutcome {
  statusCode: number | null;
  latencyMs: number;
  succeeded: boolean;
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  /** Name resolution for the connection (to refuse private addresses); the system's by default. */
  lookup?: LookupFunction;
}

/**
 * POSTs one webhook. Success is a 2xx answer, body read, within the timeout; redirects are not
 * followed (a 3xx is a failure), so a receiver cannot bounce the call to another host.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendOutcome> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      const succeeded = error === null && statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ statusCode, latencyMs: elapsed(), succeeded, error: error ?? (succeeded ? null : `HTTP ${statusCode}`) });
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        lookup: options.lookup,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('end', () => finish(response.statusCode ?? null, null));
        response.on('error', (error) => finish(response.statusCode ?? null, describe(error, options.timeoutMs)));
      },
    );
    request.on('error', (error) => finish(null, describe(error, options.timeoutMs)));
    request.end(body);
  });
}

function describe(error: Error, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
