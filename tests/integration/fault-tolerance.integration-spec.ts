import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMeilisearch, startNats, type MeiliDeployment, type NatsDeployment } from '../../tools/chaos/engines.js';
import { runFault, type Fault, type FaultResult } from '../../tools/chaos/fault-run.js';
import { WebhookSink } from '../../tools/chaos/webhook-sink.js';
import { repositoryRoot } from '../../tools/repository-root.js';

/**
 * The cheap cases of `npm run chaos`, on a nats-server and a Meilisearch this test starts on ports
 * and stores of its own (and kills by pid): a burst of automatic assignments and coordinator actions
 * while a part of the system is killed with SIGKILL and started again. Nothing may be lost, booked
 * twice, overbooked, leaked or sent twice.
 */
describe('fault tolerance: a part killed mid-burst loses nothing and books nothing twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coop-faults-'));
  let nats: NatsDeployment;
  let meili: MeiliDeployment;
  let sink: WebhookSink;

  beforeAll(async () => {
    [nats, meili, sink] = await Promise.all([startNats(join(dir, 'nats'), 1), startMeilisearch(join(dir, 'meili'), 'fault-test-master-key-0123456789'), WebhookSink.start()]);
  }, 60_000);
  afterAll(async () => {
    await sink?.stop();
    await meili?.engine.stop();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (fault: Fault): Promise<FaultResult> =>
    runFault(fault, {
      root: repositoryRoot(),
      dir,
      databaseUrl: process.env.COOP_TEST_DATABASE_URL!,
      nats,
      meili,
      sink,
      requests: 30,
      professionals: 4,
      replicas: 1,
      names: { database: 'coop_fault_test', namespace: 'faulttest', indexPrefix: 'faulttest_' },
      log: () => undefined,
    });

  const expectNothingBroken = (result: FaultResult) => {
    expect(result.accepted).toBe(30);
    expect(result.settledAfterMs).not.toBeNull();
    expect(result.deliveredAfterMs).not.toBeNull();
    expect(result.state).toEqual({
      unsettledRequests: 0,
      disagreeingRequests: 0,
      requestsWithTwoActiveAssignments: 0,
      overbookedWeeks: 0,
      leakedHours: 0,
      unbookedHours: 0,
      pendingWebhooks: 0,
      pendingEmails: 0,
    });
    expect(result.webhooks).toMatchObject({ duplicated: 0, badSignatures: 0 });
    expect(result.webhooks.distinct).toBeGreaterThan(30);
    expect(result.emails).toMatchObject({ writtenTwice: 0, duplicated: 0 });
    // 4 professionals with room for 5 requests each: the capacity is used, and no more.
    expect(result.assigned).toBeGreaterThanOrEqual(15);
  };

  it('matching killed mid-burst', async () => {
    expectNothingBroken(await run('matching'));
  }, 240_000);

  it('the NATS server killed mid-burst', async () => {
    expectNothingBroken(await run('nats'));
  }, 240_000);

  it('the services’ Postgres connections terminated mid-burst', async () => {
    expectNothingBroken(await run('postgres'));
  }, 240_000);
});
