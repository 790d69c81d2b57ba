// npm run reindex: rebuilds the professionals search index from Postgres, with no downtime. The
// running professionals service does the work (it fills a new index and swaps it in); this asks
// it to over NATS (NATS_URL, NATS_NAMESPACE) and waits for the answer.
import 'reflect-metadata';
import { SearchIndexRpc } from '@coop/contracts';
import { withRpc } from '../support/rpc.js';

const REBUILD_TIMEOUT_MS = 30 * 60_000;

async function main(): Promise<void> {
  console.log('rebuilding the professionals index…');
  const result = await withRpc(process.env, (rpc) => rpc.send(SearchIndexRpc.rebuild, {}, { timeoutMs: REBUILD_TIMEOUT_MS }));
  console.log(`index ${result.index}: ${result.documents} documents, free hours from the week of ${result.horizonStart}, in ${(result.tookMs / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
