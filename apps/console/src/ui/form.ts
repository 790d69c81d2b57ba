/** Form values are text as typed; these turn them into an API body, leaving the judging to the API. */

/** Trimmed text, or nothing when empty (so the API reports the field as missing). */
export function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A number as typed: nothing when empty, the number when it is one, else the text itself, so the
 * API answers with its own message for that field rather than the form guessing.
 */
export function numberOrText(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return (Number.isFinite(parsed) ? parsed : trimmed) as number;
}

/** Comma- or line-separated words as a list (skills). */
export function list(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Drops the keys whose value is undefined (a PATCH or an optional field left empty). */
export function compact<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;
}
