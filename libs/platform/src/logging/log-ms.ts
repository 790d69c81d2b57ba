/** A duration as log lines carry it: milliseconds to a tenth. */
export function logMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Milliseconds since `started` (a `performance.now()` reading), as log lines carry them. */
export function msSince(started: number): number {
  return logMs(performance.now() - started);
}
