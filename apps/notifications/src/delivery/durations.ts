const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** One duration such as `500ms`, `5s`, `30m`, `2h` or `3d`. */
export const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;
/** A comma-separated list of durations (`5s,5m,30m`). */
export const DURATION_LIST_PATTERN = /^\d+(ms|s|m|h|d)(\s*,\s*\d+(ms|s|m|h|d))*$/;

export function parseDuration(text: string): number {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration such as 5s, 30m or 2h`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export function parseDurationList(text: string): number[] {
  return text.split(',').map(parseDuration);
}
