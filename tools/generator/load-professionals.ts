/**
 * Loads synthetic professionals into a running professionals service through its bulk RPC
 * (`professionals.professional.import.v1`, up to 1,000 per call), a few calls at a time.
 * Emails already registered are skipped, so loading the same range twice creates nothing.
 */
import { MAX_IMPORT_BATCH, ProfessionalRpc, type CreateProfessionalRequest } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import { generateProfessionalsBatch } from './generate-professionals.js';

export interface LoadOptions {
  count: number;
  /** Index of the first professional (emails are p<index>@synthetic.example). */
  start?: number;
  seed?: number;
  batchSize?: number;
  /** Import calls in flight at once. */
  concurrency?: number;
  onProgress?: (loaded: number) => void;
}

const IMPORT_TIMEOUT_MS = 120_000;

export async function loadGeneratedProfessionals(rpc: RpcClient, options: LoadOptions): Promise<{ created: number; skipped: number }> {
  const { count, start = 0, seed = 42, batchSize = MAX_IMPORT_BATCH, concurrency = 2 } = options;
  let next = start;
  let created = 0;
  let skipped = 0;
  let loaded = 0;
  const worker = async (): Promise<void> => {
    while (next < start + count) {
      const from = next;
      const size = Math.min(batchSize, start + count - from);
      next += size;
      const professionals: CreateProfessionalRequest[] = generateProfessionalsBatch(from, size, seed);
      const result = await rpc.send(ProfessionalRpc.import, { professionals }, { timeoutMs: IMPORT_TIMEOUT_MS });
      created += result.created;
      skipped += result.skippedEmails.length;
      loaded += size;
      options.onProgress?.(loaded);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { created, skipped };
}
