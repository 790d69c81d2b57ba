import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { eventually } from '@coop/platform/testing';
import { repositoryRoot } from '../../tools/repository-root.js';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { requestBody } from '../support/request-bodies.js';
import { TestStack } from '../support/test-stack.js';

// The receivers of docs/partners.md (docs/examples/), run as a partner would run them, against
// real deliveries of the notifications service: each must accept a genuine delivery and refuse a
// forged one.

const root = repositoryRoot();

interface ReceiverLine {
  verified: boolean;
  duplicate?: boolean;
  webhookId: string | null;
  type?: string;
  requestId?: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts an example receiver and collects the JSON lines it prints. */
async function startReceiver(command: string, script: string, port: number, secret: string): Promise<{ child: ChildProcess; lines: ReceiverLine[] }> {
  const child = spawn(command, [script, String(port)], { cwd: root, env: { ...process.env, WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: ReceiverLine[] = [];
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('listening on')) listening();
    else lines.push(JSON.parse(line) as ReceiverLine);
  });
  await ready;
  return { child, lines };
}

describe.each([
  ['Node.js', process.execPath, 'docs/examples/webhook-receiver.mjs'],
  ['Python', 'python3', 'docs/examples/webhook_receiver.py'],
])('the %s webhook receiver example', (_language, command, script) => {
  let stack: TestStack;
  let receiver: { child: ChildProcess; lines: ReceiverLine[] };
  let port: number;
  let partnerKey: string;

  beforeAll(async () => {
    stack = await TestStack.start(['members', 'notifications', 'gateway']);
    const url = stack.gatewayUrl();
    const member = await createMember(url);
    partnerKey = (await issueKey(url, 'partner', member.id)).key;
    port = await freePort();
    const hook = await call<{ secret: string }>(url, 'POST', '/v1/webhooks', {
      key: partnerKey,
      body: { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['request.submitted'] },
    });
    expect(hook.status).toBe(201);
    receiver = await startReceiver(command, script, port, hook.body.secret);
  });
  afterAll(async () => {
    receiver?.child.kill();
    await stack.dispose();
  });

  it('accepts a real delivery, signature checked', async () => {
    const submitted = await call<{ id: string }>(stack.gatewayUrl(), 'POST', '/v1/requests', { key: partnerKey, body: requestBody() });
    expect(submitted.status).toBe(202);

    await eventually(() => expect(receiver.lines).toContainEqual({ verified: true, duplicate: false, webhookId: expect.any(String), type: 'request.submitted', requestId: submitted.body.id }), 20_000);
  });

  it('refuses a call whose signature was not made with the secret', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`http://127.0.0.1:${port}/hooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_forged', 'webhook-timestamp': timestamp, 'webhook-signature': 'v1,bm90IHRoZSByaWdodCBzaWduYXR1cmU=' },
      body: JSON.stringify({ type: 'request.assigned', timestamp: new Date().toISOString(), data: { requestId: 'x' } }),
    });

    expect(response.status).toBe(400);
    await eventually(() => expect(receiver.lines).toContainEqual({ verified: false, webhookId: 'msg_forged' }), 5_000);
  });
});
