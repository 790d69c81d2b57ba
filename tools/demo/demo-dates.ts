/** The day `days` from today (UTC), YYYY-MM-DD: the demo's dates move with the day it is loaded. */
export function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
