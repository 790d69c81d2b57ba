// Makes sure the processes we start do not outlive us. Cleanups run synchronously when this
// process exits; a SIGINT/SIGTERM/SIGHUP nobody else handles also runs them (then exits as the
// default action would), while a program with its own handlers (start.ts) stays in charge.
import { constants } from 'node:os';

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const handledSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

/** Registers a synchronous cleanup for process exit; returns a function that unregisters it. */
export function onParentExit(cleanup: Cleanup): () => void {
  installOnce();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function runCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Best effort: the process is going away anyway.
    }
  }
  cleanups.clear();
}

function installOnce(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanups);
  for (const signal of handledSignals) {
    process.on(signal, () => {
      // Another listener means the program manages shutdown itself.
      if (process.listenerCount(signal) > 1) return;
      runCleanups();
      process.exit(128 + constants.signals[signal]);
    });
  }
}
