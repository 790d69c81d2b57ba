import type { ValueTransformer } from 'typeorm';

/** Postgres returns numeric columns as strings (to keep their precision); these hold hours and rates. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
