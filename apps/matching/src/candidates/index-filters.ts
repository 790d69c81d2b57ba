// Building Meilisearch filter expressions: one home for quoting values and joining conditions.

/** A value as a filter literal: in double quotes, with quotes and backslashes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The conditions joined with AND, the empty ones (a whole set) left out. */
export function allOf(...conditions: string[]): string {
  return conditions.filter((condition) => condition !== '').join(' AND ');
}
