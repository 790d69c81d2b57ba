import { ConfigValidationError } from '../config/load-config.js';

interface Closable {
  close(): Promise<void>;
}

/**
 * Entry-point wrapper. A failed start prints one clear line and exits 1. Once started, SIGTERM or
 * SIGINT closes the app (stop taking work, finish what is in flight, flush the outbox) and exits 0;
 * a second signal exits at once. (Nest's own shutdown hooks re-raise the signal instead.)
 */
export function runMain(name: string, start: () => Promise<Closable>): void {
  // Through a promise, so a start that throws at once (a module's config, read as it is built) is reported the same way.
  Promise.resolve()
    .then(start)
    .then(
    (app) => {
      let closing = false;
      const stop = (signal: NodeJS.Signals) => {
        if (closing) process.exit(1);
        closing = true;
        process.stderr.write(`${name}: ${signal} received, shutting down\n`);
        app.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${name}: shutdown failed: ${describe(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed to start: ${describe(error)}\n`);
      process.exit(1);
    },
  );
}

function describe(error: unknown): string {
  if (error instanceof ConfigValidationError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
