// `npm start`: the whole system on one machine. Brings up (or reuses) PostgreSQL, NATS and
// Meilisearch, starts the five services from dist/, waits for the gateway to be ready, seeds demo
// data when tools/demo is built, prints where everything is, restarts a service that dies (with
// backoff, see supervisor.ts), and on Ctrl-C stops the services first, then the engines it
// started. Runs compiled: node dist/tools/stack/start.js
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInfrastructure, type Infrastructure } from './infrastructure.js';
import { describeExit } from './managed-process.js';
import { supervise, type SupervisedProcess } from './supervisor.js';
import { ensureDatabase } from './pg-client.js';
import { isPortFree, LOCALHOST } from './ports.js';
import { errorMessage } from './provided-service.js';
import { repositoryRoot } from '../repository-root.js';
import { readOrCreateSecret } from './secret-file.js';
import { linePrefix, missingEntryPoints, SERVICE_NAMES, startService, type ServiceProcess } from './services.js';
import { waitUntil, withTimeout } from './wait.js';

const DATABASE_NAME = 'coop';
const READY_TIMEOUT_MS = 90_000;
const SEED_TIMEOUT_MS = 120_000;

const say = (line: string): void => console.log(`${linePrefix('stack')}${line}`);

interface Stack {
  infrastructure?: Infrastructure;
  services: Array<SupervisedProcess<ServiceProcess>>;
}

interface DemoSeedModule {
  seedDemo?: (options: { gatewayUrl: string; adminApiKey: string; log: (line: string) => void }) => Promise<{ lines: string[] }>;
}

// What is running, for the shutdown path (which can start at any point).
const stack: Stack = { services: [] };

async function main(): Promise<void> {
  const root = repositoryRoot();
  const dataDir = join(root, '.data');
  const port = Number(process.env.PORT ?? '3000');
  await checkPreconditions(root, port);

  handleShutdownSignals();
  stack.infrastructure = await ensureInfrastructure({ dataDir, log: say });
  const adminApiKey = process.env.ADMIN_API_KEY ?? readOrCreateSecret(join(dataDir, 'admin-api-key'));
  const webhookSecretKey = process.env.WEBHOOK_SECRET_KEY ?? readOrCreateSecret(join(dataDir, 'webhook-secret-key'), 32);
  const env = await serviceEnvironment(stack.infrastructure, port, adminApiKey, webhookSecretKey);
  stack.services = SERVICE_NAMES.map((name) =>
    supervise(name, () => startService({ name, root, env, logDir: join(dataDir, 'logs'), echo: (line) => console.log(line) }), { say }),
  );

  const gatewayUrl = `http://${LOCALHOST}:${port}`;
  await waitForGateway(gatewayUrl);
  // A service that dies before the system was ready is reported and stops the start (a bad
  // setting would only die again); one that dies later is started again.
  for (const service of stack.services) service.superviseFromNow();
  const seedLines = await runDemoSeed(root, gatewayUrl, adminApiKey);
  printBanner(gatewayUrl, adminApiKey, seedLines);
}

async function checkPreconditions(root: string, port: number): Promise<void> {
  const missing = missingEntryPoints(root);
  if (missing.length > 0) {
    throw new Error(`the services are not built (missing ${missing.join(', ')}): build first (npm run build)`);
  }
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  // Otherwise another program's /health/ready could pass for our gateway.
  if (!(await isPortFree(port))) throw new Error(`port ${port} is already in use: stop what listens there, or set PORT`);
}

async function serviceEnvironment(infrastructure: Infrastructure, port: number, adminApiKey: string, webhookSecretKey: string): Promise<NodeJS.ProcessEnv> {
  // A DATABASE_URL given by the user is used as is; otherwise the services share database "coop".
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(infrastructure.databaseUrl, DATABASE_NAME));
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: infrastructure.natsUrl,
    MEILI_URL: infrastructure.meiliUrl,
    MEILI_MASTER_KEY: infrastructure.meiliMasterKey,
    PORT: String(port),
    ADMIN_API_KEY: adminApiKey,
    WEBHOOK_SECRET_KEY: webhookSecretKey,
    // On one machine, webhook receivers are usually on localhost; emails go to .data/mail/ unless SMTP_HOST is set.
    WEBHOOK_ALLOW_PRIVATE_URLS: process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
}

async function waitForGateway(gatewayUrl: string): Promise<void> {
  const firstDeadService = (): ServiceProcess | undefined => stack.services.map((service) => service.current()).find((service) => service.hasExited());
  try {
    await waitUntil(`GET ${gatewayUrl}/health/ready`, () => answersOk(`${gatewayUrl}/health/ready`), {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 500,
      hint: 'the service logs are in .data/logs/',
      abortReason: () => (firstDeadService() ? 'a service stopped' : undefined),
    });
  } catch (error) {
    const dead = firstDeadService();
    if (!dead) throw error;
    const how = describeExit(await dead.exited);
    reportDeadService(dead, how);
    throw new Error(`${dead.name} ${how} before the system was ready`);
  }
}

async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === 200;
}

function reportDeadService(service: ServiceProcess, how: string): void {
  console.error(`\n${service.name} ${how}. Its last lines (full log: ${service.logFile}):`);
  for (const line of service.recentLines()) console.error(`${linePrefix(service.name)}${line}`);
  console.error('');
}

/** Optional hook: dist/tools/demo/seed.js, written separately, loads demo data through the gateway. */
async function runDemoSeed(root: string, gatewayUrl: string, adminApiKey: string): Promise<string[]> {
  const seedFile = join(root, 'dist', 'tools', 'demo', 'seed.js');
  if (!existsSync(seedFile)) return [];
  try {
    const seedModule = (await import(pathToFileURL(seedFile).href)) as DemoSeedModule;
    if (typeof seedModule.seedDemo !== 'function') {
      say(`${seedFile} exports no seedDemo(); demo data skipped`);
      return [];
    }
    say('seeding demo data');
    const result = await withTimeout(seedModule.seedDemo({ gatewayUrl, adminApiKey, log: say }), SEED_TIMEOUT_MS, 'demo seeding did not finish within 120 s');
    return result.lines ?? [];
  } catch (error) {
    say(`demo seeding failed, the system runs without demo data: ${errorMessage(error)}`);
    return [];
  }
}

function printBanner(gatewayUrl: string, adminApiKey: string, extraLines: string[]): void {
  const lines = [
    'Coop Expertise Matching is running',
    '',
    `Gateway:       ${gatewayUrl}`,
    `Console:       ${gatewayUrl}/console/`,
    `API docs:      ${gatewayUrl}/docs`,
    `Admin API key: ${adminApiKey}   (Authorization: Bearer <key>)`,
    ...(extraLines.length > 0 ? ['', ...extraLines] : []),
    '',
    'Logs: .data/logs/<service>.log. Press Ctrl-C to stop everything.',
  ];
  const rule = '='.repeat(Math.max(...lines.map((line) => line.length)) + 4);
  console.log(['', rule, ...lines.map((line) => (line ? `  ${line}` : '')), rule, ''].join('\n'));
}

let shuttingDown = false;

function handleShutdownSignals(): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      say(`${signal} again: killing the services without waiting`);
      for (const service of stack.services) service.kill();
      // The engines we started still get their stop signal from parent-exit.ts.
      process.exit(130);
    }
    say(`${signal} received, stopping`);
    void shutDown().then((code) => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Services first (so they finish work while the engines are still there), then the engines. */
async function shutDown(): Promise<number> {
  shuttingDown = true;
  let code = 0;
  await Promise.all(stack.services.map((service) => service.stop())).catch((error: unknown) => {
    say(`stopping services: ${errorMessage(error)}`);
    code = 1;
  });
  await stack.infrastructure?.stop().catch((error: unknown) => {
    say(errorMessage(error));
    code = 1;
  });
  if (stack.infrastructure) say('stopped');
  return code;
}

main().catch(async (error: unknown) => {
  console.error(`\n${linePrefix('stack')}cannot start: ${errorMessage(error)}\n`);
  await shutDown();
  process.exit(1);
});
