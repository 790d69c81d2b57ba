import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { CORRELATION_ID_HEADER, ErrorCode } from '@coop/contracts';
import type { GatewayMessageKey } from './messages.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { render } from './problem-details.filter.js';

const REFUSALS: Record<string, { status: number; reason: string; key: GatewayMessageKey }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', key: 'headersTooLarge' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', key: 'requestTimeout' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', key: 'malformedRequest' as const };

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses before any route sees it (a
 * raw byte that is not ASCII in the URL, a broken request line or header, headers too large) gets
 * problem+json like every other error. Nothing of the request can be read, so it is in English.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, reason, key } = (error.code && REFUSALS[error.code]) || MALFORMED;
  const correlationId = randomUUID();
  const body = JSON.stringify({ ...render({ code: ErrorCode.ValidationFailed, status, key }, 'en'), correlationId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Language: en\r\n${CORRELATION_ID_HEADER}: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
