import { ConfigValidationError } from '../config/load-config.js';

/** Entry-point wrapper: a failed start prints one clear line and exits 1, never a hanging process. */
export function runMain(name: string, start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const message = error instanceof ConfigValidationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  });
}
