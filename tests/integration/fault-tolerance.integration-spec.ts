import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMeilisearch, startNats, type MeiliDeployment, type NatsDeployment } from '../../tools/chaos/engines.js';
import { runFault, type Fault, type FaultResult } from '../../tools/chaos/fault-run.js';
import { WebhookSink } from '../../tools/chaos/webhook-sink.js';
import { adminQuery } from '@coop/platform';
import { repositoryRoot } from '../../tools/repository-root.js';

const REQUESTS = 30;

/**
 * A nats-server (one node, or a cluster of three) and a Meilisearch that the tests of this block
 * start on ports and stores of their own, and stop by pid: never the machine's servers.
 */
function ownEngines(natsNodes: 1 | 3) {
  const dir = mkdtempSync(join(tmpdir(), 'coop-faults-'));
  // Named by this process too: two test runs on one machine (two checkouts) must not share them.
  const names = { database: `coop_faults_${natsNodes}_${process.pid}`, namespace: `faults${natsNodes}p${process.pid}`, indexPrefix: `faults${natsNodes}p${process.pid}_` };
  const engines = {} as { nats: NatsDeployment; meili: MeiliDeployment; sink: WebhookSink };
  beforeAll(async () => {
    [engines.nats, engines.meili, engines.sink] = await Promise.all([
      startNats(join(dir, 'nats'), natsNodes),
      startMeilisearch(join(dir, 'meili'), 'fault-test-master-key-0123456789'),
      WebhookSink.start(),
    ]);
  }, 90_000);
  afterAll(async () => {
    await engines.sink?.stop();
    await engines.meili?.engine.stop();
    await engines.nats?.stop();
    await adminQuery(process.env.COOP_TEST_DATABASE_URL!, `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  });
  return (fault: Fault, replicas: number, log: (line: string) => void): Promise<FaultResult> =>
    runFault(fault, {
      root: repositoryRoot(),
      dir,
      databaseUrl: process.env.COOP_TEST_DATABASE_URL!,
      ...engines,
      requests: REQUESTS,
      professionals: 4,
      replicas,
      names,
      log,
    });
}

/**
 * Runs the fault; when an invariant breaks, the failure carries what the run said (the consumers'
 * positions and the services' last warnings when it did not settle).
 */
async function expectFaultSurvived(run: ReturnType<typeof ownEngines>, fault: Fault, replicas: number, said: string[] = []): Promise<void> {
  const result = await run(fault, replicas, (line) => said.push(line));
  try {
    expectNothingBroken(result);
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n\nwhat the run said:\n${said.join('\n')}`;
    throw error;
  }
}

/** Every invariant figure at 0, and the system settled. */
function expectNothingBroken(result: FaultResult): void {
  expect(result.accepted).toBe(REQUESTS);
  expect(result.state).toEqual({
    unsettledRequests: 0,
    disagreeingRequests: 0,
    requestsWithTwoActiveAssignments: 0,
    overbookedWeeks: 0,
    leakedHours: 0,
    unbookedHours: 0,
    pendingWebhooks: 0,
    pendingEmails: 0,
    unhandledEvents: 0,
  });
  expect(result.webhooks).toMatchObject({ duplicated: 0, badSignatures: 0, missing: 0 });
  expect(result.webhooks.distinct).toBeGreaterThan(REQUESTS);
  expect(result.emails).toMatchObject({ writtenTwice: 0, duplicated: 0 });
  expect(result.settledAfterMs).not.toBeNull();
  expect(result.deliveredAfterMs).not.toBeNull();
  // Capacity lost to a crash shows as leakedHours above; how many are assigned beyond that depends
  // on when completions and cancellations gave hours back.
  expect(result.assigned).toBeGreaterThan(0);
}

/**
 * The cheap cases of `npm run chaos`: a burst of automatic assignments and coordinator actions
 * while a part of the system is killed with SIGKILL and started again. Nothing may be lost, booked
 * twice, overbooked, leaked or sent twice.
 */
describe('fault tolerance: a part killed mid-burst loses nothing and books nothing twice', () => {
  const run = ownEngines(1);

  it('matching killed mid-burst', async () => {
    await expectFaultSurvived(run, 'matching', 1);
  }, 240_000);

  it('the NATS server killed mid-burst', async () => {
    await expectFaultSurvived(run, 'nats', 1);
  }, 240_000);

  it('the services’ Postgres connections terminated mid-burst', async () => {
    await expectFaultSurvived(run, 'postgres', 1);
  }, 240_000);
});

describe('fault tolerance on a 3-node NATS cluster, two replicas of every service', () => {
  const run = ownEngines(3);

  it('the node leading the event stream killed mid-burst', async () => {
    const said: string[] = [];
    await expectFaultSurvived(run, 'nats-leader', 2, said);

    expect(said).toContainEqual(expect.stringMatching(/the event stream is kept by 3 nodes and led by chaos-n\d/));
  }, 300_000);
});
