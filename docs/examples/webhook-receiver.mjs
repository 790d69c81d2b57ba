// A partner's webhook receiver, with nothing but Node.js: checks each delivery's Standard Webhooks
// signature with the endpoint's secret, refuses stale or forged calls, and prints what it accepted.
//   WEBHOOK_SECRET=whsec_… node docs/examples/webhook-receiver.mjs 4000
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = Buffer.from((process.env.WEBHOOK_SECRET ?? '').replace(/^whsec_/, ''), 'base64');
const port = Number(process.argv[2] ?? 4000);
const TOLERANCE_SECONDS = 5 * 60;
const seen = new Set(); // webhook-id: the same on every retry and replay, so deduplicate on it

function verified(headers, body) {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest();
  // The header may hold several signatures (`v1,<base64> v1,<base64>` while a secret is rotated).
  return (headers['webhook-signature'] ?? '').split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8'); // the raw body: verify before parsing
    if (!verified(request.headers, body)) {
      console.log(JSON.stringify({ verified: false, webhookId: request.headers['webhook-id'] ?? null }));
      response.writeHead(400).end();
      return;
    }
    const event = JSON.parse(body);
    const duplicate = seen.has(request.headers['webhook-id']);
    seen.add(request.headers['webhook-id']);
    console.log(JSON.stringify({ verified: true, duplicate, webhookId: request.headers['webhook-id'], type: event.type, requestId: event.data.requestId }));
    response.writeHead(204).end();
  });
}).listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}`));
