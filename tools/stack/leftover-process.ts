// Data directories of the engines we start are claimed by one run at a time: <dir>/owner.pid
// holds the pid of the run (the node process) that started the engine there.
// - If that run is gone but its engine still runs (the run was killed hard, e.g. SIGKILL), the
//   engine is a leftover holding the directory's lock: we stop it, after checking from its
//   command line that it really is our engine for this directory.
// - If that run is alive (another `npm test` or `npm start` in the same checkout), we leave it
//   alone: the caller uses a temporary directory instead, or gives up with a clear message.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './wait.js';
import type { Log } from './provided-service.js';

/** The pid written on the first line of a pid file, if any. */
export function readPidFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A process that has exited but is not yet reaped by its parent still answers kill(pid, 0). */
function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (command) state ...", the command may itself contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Waits up to `ms` for the process to go away; true when it did. */
export async function waitForProcessExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

export interface LeftoverCheck {
  /** The engine's pid file. */
  pidFile: string;
  /** Holds the pid of the run that started the engine. */
  ownerFile: string;
  /** Text that must appear in the engine's command line (e.g. its data directory). */
  marker: string;
  description: string;
  /** How to ask the engine to stop (PostgreSQL: SIGINT, its "fast shutdown"). */
  signal?: NodeJS.Signals;
  log: Log;
}

export type LeftoverOutcome = { kind: 'none' } | { kind: 'stopped' } | { kind: 'in-use'; ownerPid: number };

/** Stops the engine recorded in `pidFile` if it was left behind by a run that no longer exists. */
export async function stopLeftoverProcess(check: LeftoverCheck): Promise<LeftoverOutcome> {
  const pid = readPidFile(check.pidFile);
  if (pid === undefined || !isProcessAlive(pid) || !commandLineOf(pid)?.includes(check.marker)) return { kind: 'none' };
  const ownerPid = readPidFile(check.ownerFile);
  if (ownerPid !== undefined && ownerPid !== process.pid && isProcessAlive(ownerPid)) return { kind: 'in-use', ownerPid };

  check.log(`stopping ${check.description} left over from an earlier run (pid ${pid})`);
  process.kill(pid, check.signal ?? 'SIGTERM');
  if (!(await waitForProcessExit(pid, 10_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForProcessExit(pid, 5_000);
  }
  return { kind: 'stopped' };
}

/** Records this run as the owner; the returned function removes the record if it is still ours. */
export function claimOwnership(ownerFile: string): () => void {
  writeFileSync(ownerFile, `${process.pid}\n`);
  return () => {
    if (readPidFile(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
  };
}

export interface InstanceDirRequest {
  dir: string;
  pidFileName: string;
  /** The command-line marker of an engine using `dir`. */
  markerFor: (dir: string) => string;
  description: string;
  log: Log;
}

export interface InstanceDir {
  dir: string;
  /** Call after the engine has stopped: drops the claim, and the directory itself when temporary. */
  release(): void;
}

/**
 * Claims `request.dir` for an engine, stopping a leftover there first. When another live run
 * holds it, claims a temporary sibling (<dir>-run-<pid>, removed on release) so both runs work.
 */
export async function claimInstanceDir(request: InstanceDirRequest): Promise<InstanceDir> {
  mkdirSync(request.dir, { recursive: true });
  const outcome = await stopLeftoverProcess({
    pidFile: join(request.dir, request.pidFileName),
    ownerFile: join(request.dir, 'owner.pid'),
    marker: request.markerFor(request.dir),
    description: request.description,
    log: request.log,
  });
  if (outcome.kind !== 'in-use') {
    return { dir: request.dir, release: claimOwnership(join(request.dir, 'owner.pid')) };
  }
  const dir = `${request.dir}-run-${process.pid}`;
  request.log(`${request.dir} is in use by another run (pid ${outcome.ownerPid}); this run uses a temporary ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}
