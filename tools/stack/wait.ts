// Bounded waiting: every wait in the stack has a deadline and a message that says what to look at.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Appended to the timeout error, e.g. "see .data/meili/meilisearch.log". */
  hint?: string;
  /** Returns a reason to give up early (e.g. the process exited), or undefined to keep waiting. */
  abortReason?: () => string | undefined;
}

/** Polls `check` until it returns true; throws naming `what` after the deadline or on abort. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const hint = options.hint ? `; ${options.hint}` : '';
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted) throw new Error(`${what}: ${aborted}${hint}`);
    if (await check().catch(() => false)) return;
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not ready after ${Math.round(options.timeoutMs / 1000)} s${hint}`);
    }
    await sleep(options.intervalMs ?? 250);
  }
}

/** Resolves with the promise's value, or rejects with `message` once `ms` have passed. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
