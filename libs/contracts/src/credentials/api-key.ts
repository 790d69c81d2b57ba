import { createHash } from 'node:crypto';

/** Every issued key starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'cem_live_';

/**
 * How a key is stored and looked up: SHA-256, hex. Issued keys carry 256 random bits, so a fast
 * unsalted hash is enough (guessing is hopeless either way; salts and slow KDFs protect
 * low-entropy passwords), and being deterministic it can be looked up through a unique index.
 * The gateway hashes the presented key itself, so keys never travel over NATS.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
