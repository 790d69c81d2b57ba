import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureInfrastructure } from './infrastructure.js';
import { claimInstanceDir, isProcessAlive, stopLeftoverProcess, waitForProcessExit } from './leftover-process.js';
import { findFreePort } from './ports.js';
import { readOrCreateSecret } from './secret-file.js';

const silent = (): void => undefined;

/** A long-running process whose command line contains `marker`, like an engine using a data dir. */
function startFakeEngine(marker: string): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', marker], { stdio: 'ignore' });
}

describe(ensureInfrastructure.name, () => {
  const saved = { ...process.env };
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-stack-'));
  });

  afterEach(() => {
    process.env = { ...saved };
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names every variable whose service cannot be reached, and starts nothing', async () => {
    const closedPort = await findFreePort();
    process.env.DATABASE_URL = `postgres://coop:secret@127.0.0.1:${closedPort}/coop`;
    process.env.NATS_URL = `nats://127.0.0.1:${closedPort}`;
    process.env.MEILI_URL = `http://127.0.0.1:${closedPort}`;

    const sut = ensureInfrastructure({ dataDir, log: silent });

    await expect(sut).rejects.toThrow(/DATABASE_URL[\s\S]*NATS_URL[\s\S]*MEILI_URL/);
    await expect(sut).rejects.not.toThrow(/secret/);
    expect(existsSync(join(dataDir, 'meili'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  });
});

describe(stopLeftoverProcess.name, () => {
  let dir: string;
  let engine: ChildProcess;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-leftover-'));
    engine = startFakeEngine(dir);
    writeFileSync(join(dir, 'engine.pid'), `${engine.pid}\n`);
  });

  afterEach(() => {
    engine.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops an engine whose run is gone', async () => {
    // A pid that cannot be alive: above the kernel's pid limit.
    writeFileSync(join(dir, 'owner.pid'), '2147483647\n');

    const sut = await stopLeftoverProcess({ pidFile: join(dir, 'engine.pid'), ownerFile: join(dir, 'owner.pid'), marker: dir, description: 'fake engine', log: silent });

    expect(sut).toEqual({ kind: 'stopped' });
    expect(await waitForProcessExit(engine.pid ?? 0, 2_000)).toBe(true);
  });

  it('leaves alone an engine whose run is still alive', async () => {
    const owner = startFakeEngine('owner');
    writeFileSync(join(dir, 'owner.pid'), `${owner.pid}\n`);
    try {
      const sut = await stopLeftoverProcess({ pidFile: join(dir, 'engine.pid'), ownerFile: join(dir, 'owner.pid'), marker: dir, description: 'fake engine', log: silent });

      expect(sut).toEqual({ kind: 'in-use', ownerPid: owner.pid });
      expect(isProcessAlive(engine.pid ?? 0)).toBe(true);
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('never stops a process that is not the engine of this directory', async () => {
    writeFileSync(join(dir, 'owner.pid'), '2147483647\n');

    const sut = await stopLeftoverProcess({ pidFile: join(dir, 'engine.pid'), ownerFile: join(dir, 'owner.pid'), marker: join(dir, 'other'), description: 'fake engine', log: silent });

    expect(sut).toEqual({ kind: 'none' });
    expect(isProcessAlive(engine.pid ?? 0)).toBe(true);
  });
});

describe(claimInstanceDir.name, () => {
  it('gives a second live run a temporary directory, removed on release', async () => {
    const base = mkdtempSync(join(tmpdir(), 'coop-claim-'));
    const dir = join(base, 'meili');
    const engine = startFakeEngine(dir);
    const owner = startFakeEngine('owner');
    try {
      const first = await claimInstanceDir({ dir, pidFileName: 'engine.pid', markerFor: (d) => d, description: 'fake engine', log: silent });
      writeFileSync(join(dir, 'engine.pid'), `${engine.pid}\n`);
      writeFileSync(join(dir, 'owner.pid'), `${owner.pid}\n`);

      const sut = await claimInstanceDir({ dir, pidFileName: 'engine.pid', markerFor: (d) => d, description: 'fake engine', log: silent });

      expect(first.dir).toBe(dir);
      expect(sut.dir).toBe(`${dir}-run-${process.pid}`);
      expect(existsSync(sut.dir)).toBe(true);
      sut.release();
      expect(existsSync(sut.dir)).toBe(false);
      expect(isProcessAlive(engine.pid ?? 0)).toBe(true);
    } finally {
      engine.kill('SIGKILL');
      owner.kill('SIGKILL');
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe(readOrCreateSecret.name, () => {
  it('creates the secret once and returns the same value afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coop-secret-'));
    try {
      const file = join(dir, 'nested', 'admin-api-key');

      const sut = readOrCreateSecret(file);

      expect(sut).toMatch(/^[0-9a-f]{48}$/);
      expect(readOrCreateSecret(file)).toBe(sut);
      expect(readFileSync(file, 'utf8').trim()).toBe(sut);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
