// Keeps a service running: when its process dies, it is started again with the same command and
// environment after a backoff (1 s, 2 s, 4 s… up to 30 s, back to 1 s once it has stayed up for a
// minute), and every death and restart is reported. stop() and kill() end it for good, whichever
// process is current, restarted ones included.
import { describeExit, type ExitStatus, type ManagedProcess } from './managed-process.js';

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
const STABLE_AFTER_MS = 60_000;

export interface SupervisorOptions {
  say: (line: string) => void;
  backoffMs?: readonly number[];
  stableAfterMs?: number;
}

export interface SupervisedProcess<P extends ManagedProcess> {
  readonly name: string;
  /** The process running now (or the one that died, while a restart waits). */
  current(): P;
  /** How many times it was started again. */
  restarts(): number;
  /** From now on a death is followed by a restart (until then it is only reported by `current().exited`). */
  superviseFromNow(): void;
  stop(): Promise<void>;
  kill(): void;
}

export function supervise<P extends ManagedProcess>(name: string, start: () => P, options: SupervisorOptions): SupervisedProcess<P> {
  const backoff = options.backoffMs ?? BACKOFF_MS;
  const stableAfterMs = options.stableAfterMs ?? STABLE_AFTER_MS;
  let process = start();
  let startedAt = Date.now();
  let supervising = false;
  let ended = false;
  let restarts = 0;
  let failuresInARow = 0;
  let timer: NodeJS.Timeout | undefined;

  const onExit = (child: P, status: ExitStatus): void => {
    if (ended || !supervising || child !== process) return;
    failuresInARow = Date.now() - startedAt >= stableAfterMs ? 1 : failuresInARow + 1;
    const delay = backoff[Math.min(failuresInARow, backoff.length) - 1];
    options.say(`${name} ${describeExit(status)}; starting it again in ${delay / 1000} s (see ${child.logFile})`);
    timer = setTimeout(() => {
      if (ended) return;
      process = start();
      startedAt = Date.now();
      restarts += 1;
      options.say(`${name} started again (pid ${process.pid})`);
      watch(process);
    }, delay);
  };
  const watch = (child: P): void => void child.exited.then((status) => onExit(child, status));
  watch(process);

  return {
    name,
    current: () => process,
    restarts: () => restarts,
    superviseFromNow: () => {
      supervising = true;
      if (process.hasExited()) void process.exited.then((status) => onExit(process, status));
    },
    stop: async () => {
      ended = true;
      clearTimeout(timer);
      await process.stop();
    },
    kill: () => {
      ended = true;
      clearTimeout(timer);
      process.kill();
    },
  };
}
