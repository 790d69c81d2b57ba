/**
 * A small, fast, seeded pseudo-random number generator (mulberry32) and the helpers the synthetic
 * data generator needs. Not cryptographic: only for reproducible test and load data.
 */

/** mulberry32: returns a function yielding uniform floats in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines integers (e.g. a seed and an item index) into one well-mixed 32-bit seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = fmix32(h ^ fmix32((part >>> 0) + 0x9e3779b9));
  }
  return h;
}

/** A weighted choice: the value and its relative weight (> 0). */
export type Weighted<T> = readonly [value: T, weight: number];

export class SeededRandom {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** One element, uniformly. `items` must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[Math.floor(this.nextFloat() * items.length)] as T;
  }

  /** One value, with probability proportional to its weight. `entries` must not be empty. */
  weighted<T>(entries: readonly Weighted<T>[]): T {
    if (entries.length === 0) throw new RangeError('weighted() needs at least one entry');
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.nextFloat() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `count` distinct values drawn by weight, without replacement, in draw order. */
  weightedSample<T>(entries: readonly Weighted<T>[], count: number): T[] {
    const remaining = [...entries];
    const chosen: T[] = [];
    while (chosen.length < count && remaining.length > 0) {
      const value = this.weighted(remaining);
      chosen.push(value);
      remaining.splice(
        remaining.findIndex(([candidate]) => candidate === value),
        1,
      );
    }
    return chosen;
  }

  /** Up to `count` distinct elements, uniformly, in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.weightedSample(
      items.map((item): Weighted<T> => [item, 1]),
      count,
    );
  }
}
