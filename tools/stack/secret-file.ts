// Secrets generated once and kept under the data directory, so every run reuses the same keys.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureParentDir } from './log-files.js';

/** Reads the secret stored in `file`, creating it (mode 0600) with a random hex value first if missing. */
export function readOrCreateSecret(file: string, bytes = 24): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  }
  ensureParentDir(file);
  const secret = randomBytes(bytes).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
