// Child processes the stack starts: output goes to a log file, they run in their own process
// group (a terminal Ctrl-C reaches only the launcher, which then stops things in order), they
// are stopped with SIGTERM then SIGKILL, and they are killed when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import type { InstanceDir } from './leftover-process.js';
import { ensureParentDir, withLogTail } from './log-files.js';
import { onParentExit } from './parent-exit.js';
import { errorMessage } from './provided-service.js';
import { waitUntil, withTimeout } from './wait.js';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface ManagedProcessSpec {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written with the child's pid, so a later run can find a leftover (see leftover-process.ts). */
  pidFile?: string;
  /** Time between SIGTERM and SIGKILL in stop(). */
  graceMs?: number;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly logFile: string;
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
  /** SIGKILL now, for when the user does not want to wait. */
  kill(): void;
}

export function describeExit(status: ExitStatus): string {
  if (status.error) return `failed to start: ${status.error.message}`;
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
}

/** Starts `spec.command` with stdout and stderr appended to `spec.logFile`. */
export function startManagedProcess(spec: ManagedProcessSpec): ManagedProcess {
  ensureParentDir(spec.logFile);
  const logFd = openSync(spec.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', logFd, logFd],
      detached: true,
    });
  } finally {
    closeSync(logFd);
  }
  return manage(child, spec);
}

/** Wraps an already spawned child with the stop/exit handling described above. */
export function manage(child: ChildProcess, spec: Pick<ManagedProcessSpec, 'name' | 'logFile' | 'pidFile' | 'graceMs'>): ManagedProcess {
  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => resolve((status ??= { code: null, signal: null, error })));
    child.once('exit', (code, signal) => resolve((status ??= { code, signal })));
  });
  if (spec.pidFile && child.pid) writeFileSync(spec.pidFile, `${child.pid}\n`);
  const unregister = onParentExit(() => {
    if (!status) child.kill('SIGTERM');
  });
  void exited.then(() => {
    unregister();
    if (spec.pidFile) rmSync(spec.pidFile, { force: true });
  });

  const stop = async (): Promise<void> => {
    if (status) return;
    child.kill('SIGTERM');
    try {
      await withTimeout(exited, spec.graceMs ?? 5_000, 'grace period over');
    } catch {
      child.kill('SIGKILL');
      await withTimeout(exited, 5_000, `${spec.name} (pid ${child.pid}) did not die after SIGKILL`);
    }
  };

  const kill = (): void => {
    if (!status) child.kill('SIGKILL');
  };

  return { name: spec.name, pid: child.pid, logFile: spec.logFile, exited, hasExited: () => status !== undefined, stop, kill };
}

/**
 * Starts an engine that owns `instance` and waits (30 s at most, less if it stops) until `isReady`;
 * on failure stops it, releases the folder and throws with the tail of its log. Resolves to the
 * function that stops it and then releases the folder.
 */
export async function startEngine(spec: ManagedProcessSpec, instance: InstanceDir, what: string, isReady: () => Promise<boolean>): Promise<() => Promise<void>> {
  const engine = startManagedProcess(spec);
  const stop = async (): Promise<void> => {
    await engine.stop();
    instance.release();
  };
  try {
    await waitUntil(what, isReady, {
      timeoutMs: 30_000,
      hint: `see ${spec.logFile}`,
      abortReason: () => (engine.hasExited() ? 'the process stopped' : undefined),
    });
  } catch (error) {
    const status = engine.hasExited() ? ` (${describeExit(await engine.exited)})` : '';
    await stop();
    throw new Error(withLogTail(`${errorMessage(error)}${status}`, spec.logFile));
  }
  return stop;
}
