import { jetstreamManager } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { MemberRpc, servicePingRpc } from '@coop/contracts';
import { eventStreamName, RpcClient } from '@coop/platform';
import { createTestEnvironment, eventually, TestEnvironment } from '@coop/platform/testing';
import { repositoryRoot } from '../../tools/repository-root.js';

// The compiled service as a real process (npm test builds first), stopped with a real SIGTERM.
describe('graceful shutdown of a service process', () => {
  let environment: TestEnvironment;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let service: ChildProcess;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    nc = await connect({ servers: environment.env.NATS_URL });
    rpc = new RpcClient({ get: async () => nc } as never, { RPC_TIMEOUT_MS: 5000, NATS_NAMESPACE: environment.namespace } as never);
    service = spawn(process.execPath, [join(repositoryRoot(), 'dist/apps/members/src/main.js')], {
      env: { ...process.env, ...environment.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await eventually(() => rpc.send(servicePingRpc('members'), {}), 30_000, 200);
  });

  afterAll(async () => {
    if (service.exitCode === null) service.kill('SIGKILL');
    await nc.close();
    await environment.dispose();
  });

  it('answers the requests it has taken, publishes its outbox and exits 0 on SIGTERM', async () => {
    const member = (i: number) => ({ name: `Fédération ${i}`, sector: 'worker', language: 'fr', region: 'montreal', contactEmail: `f${i}@coop.example` }) as const;
    const inFlight = Array.from({ length: 20 }, (_, i) => rpc.send(MemberRpc.create, member(i)));
    await nc.flush();
    const exit = once(service, 'exit');
    service.kill('SIGTERM');

    const results = await Promise.allSettled(inFlight);
    const [code] = await exit;

    expect(code).toBe(0);
    // Taken before the signal: answered, not timed out and not dropped.
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const jsm = await jetstreamManager(nc);
    const stream = await jsm.streams.info(eventStreamName(environment.namespace));
    expect(stream.state.messages).toBe(20);
  });
});
