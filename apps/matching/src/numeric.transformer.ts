import { ValueTransformer } from 'typeorm';

/** Postgres `numeric` arrives as a string (exact); hours and money are small enough for a number. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
