import type { ValueTransformer } from 'typeorm';

/**
 * Postgres returns `numeric` as a string (to keep its precision); the hours, rates and amounts we
 * store (2 decimals) fit a JavaScript number exactly enough.
 */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Rounds an amount of money (or hours) to hundredths. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
