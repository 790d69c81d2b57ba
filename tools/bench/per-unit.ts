// Figures of a benchmark phase spread over the work it did: per assignment, per query.

/** `total` per unit of work (no work counts as one unit), to `digits` decimals. */
export function per(total: number, units: number, digits = 2): number {
  return Number((total / Math.max(1, units)).toFixed(digits));
}

/** Each component's figure per unit of work. */
export function perUnit(byComponent: Record<string, number>, units: number, digits = 2): Record<string, number> {
  return Object.fromEntries(Object.entries(byComponent).map(([name, value]) => [name, per(value, units, digits)]));
}

/** A running count some engine keeps (requests, statements, messages); undefined where it cannot be read. */
export type Counter = (() => Promise<number>) | undefined;

/** Reads every counter (undefined where it cannot be read). */
export async function readCounters<K extends string>(counters: Record<K, Counter>): Promise<Record<K, number | undefined>> {
  const entries = await Promise.all(Object.entries<Counter>(counters).map(async ([name, read]) => [name, read ? await read() : undefined] as const));
  return Object.fromEntries(entries) as Record<K, number | undefined>;
}

/** How much each counter went up per unit of work; null where it could not be read. */
export function increasePer<K extends string>(before: Record<K, number | undefined>, after: Record<K, number | undefined>, units: number): Record<K, number | null> {
  const names = Object.keys(before) as K[];
  return Object.fromEntries(names.map((name) => [name, before[name] === undefined || after[name] === undefined ? null : per(after[name]! - before[name]!, units)])) as Record<K, number | null>;
}
