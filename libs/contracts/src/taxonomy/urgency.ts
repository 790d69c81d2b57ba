/** Urgency of a service request, from least to most urgent. */
export const URGENCY_LEVELS = ['low', 'normal', 'high', 'critical'] as const;

export type Urgency = (typeof URGENCY_LEVELS)[number];

const URGENCY_SET: ReadonlySet<string> = new Set(URGENCY_LEVELS);

export function isUrgency(value: unknown): value is Urgency {
  return typeof value === 'string' && URGENCY_SET.has(value);
}
