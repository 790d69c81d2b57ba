import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManagedProcess, type ManagedProcess } from './managed-process.js';
import { supervise } from './supervisor.js';
import { waitUntil } from './wait.js';

describe(supervise.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'coop-supervisor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A real child process that lives `lifeMs` (forever when undefined). */
  const child = (lifeMs?: number) => (): ManagedProcess =>
    startManagedProcess({
      name: 'sleeper',
      command: process.execPath,
      args: ['-e', lifeMs === undefined ? 'setInterval(() => {}, 1000)' : `setTimeout(() => process.exit(3), ${lifeMs})`],
      logFile: join(dir, 'sleeper.log'),
      graceMs: 2_000,
    });
  const isAlive = (pid: number | undefined) => {
    try {
      process.kill(pid!, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('starts a process that died again, after the backoff, and says so', async () => {
    const said: string[] = [];
    const sut = supervise('sleeper', child(), { say: (line) => said.push(line), backoffMs: [50] });
    sut.superviseFromNow();
    const first = sut.current();

    first.kill();
    await waitUntil('a restart', async () => sut.restarts() === 1 && !sut.current().hasExited(), { timeoutMs: 10_000, intervalMs: 20 });

    expect(sut.current().pid).not.toBe(first.pid);
    expect(said).toEqual([expect.stringMatching(/^sleeper was killed by SIGKILL; starting it again in 0.05 s/), expect.stringMatching(/^sleeper started again \(pid \d+\)/)]);
    await sut.stop();
    expect(isAlive(sut.current().pid)).toBe(false);
  });

  it('waits longer after each death in a row', async () => {
    const said: string[] = [];
    const sut = supervise('sleeper', child(30), { say: (line) => said.push(line), backoffMs: [20, 40, 80] });
    sut.superviseFromNow();

    const deaths = () => said.filter((line) => line.includes('starting it again'));
    await waitUntil('four deaths', async () => deaths().length >= 4, { timeoutMs: 10_000, intervalMs: 10 });
    await sut.stop();

    const delays = deaths().map((line) => line.match(/in ([\d.]+) s/)![1]);
    expect(delays.slice(0, 4)).toEqual(['0.02', '0.04', '0.08', '0.08']);
  });

  it('does not restart before it is told to supervise, nor after stop', async () => {
    const said: string[] = [];
    const sut = supervise('sleeper', child(), { say: (line) => said.push(line), backoffMs: [10] });
    sut.current().kill();
    await sut.current().exited;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sut.restarts()).toBe(0);

    await sut.stop();
    sut.superviseFromNow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sut.restarts()).toBe(0);
    expect(said).toEqual([]);
  });
});
