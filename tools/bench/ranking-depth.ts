// (e) of the matching benchmark: what the depth of retrieval (MATCH_TOP_K) costs and keeps. Each
// query is ranked with the index handing 10, 30, 100... candidates to re-ranking, and its top 10 is
// compared with the ranking of the deepest pool (MAX_CANDIDATE_POOL), in the same state.
import { MatchingRpc, MAX_CANDIDATE_POOL, type MatchSearchRequest } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import { percentiles, type Percentiles } from './bench-stack.js';

const TOP = 10;
const RPC_TIMEOUT_MS = 60_000;

export interface DepthOutcome {
  candidatePool: number;
  /** matching.search.v1 over NATS, one at a time. */
  latencyMs: Percentiles;
  /** Share of queries whose best candidate is the reference's. */
  sameBest: number;
  /** Share of queries whose top 10 holds the same professionals as the reference's. */
  sameTop10: number;
  /** Mean share of the reference's top 10 found in this top 10. */
  top10Overlap: number;
  /** How much lower this best candidate's score is than the reference's (scores are 0..1). */
  bestScoreGap: { mean: number; max: number };
}

export interface RankingDepthResult {
  referencePool: number;
  /** Queries compared (those with at least one candidate in the reference). */
  queries: number;
  depths: DepthOutcome[];
}

export async function rankingDepth(rpc: RpcClient, queries: MatchSearchRequest[], pools: number[]): Promise<RankingDepthResult> {
  const topOf = async (query: MatchSearchRequest, candidatePool: number): Promise<{ ids: string[]; bestScore: number }> => {
    const view = await rpc.send(MatchingRpc.search, { ...query, candidatePool, limit: TOP }, { timeoutMs: RPC_TIMEOUT_MS });
    return { ids: view.candidates.map((candidate) => candidate.professionalId), bestScore: view.candidates[0]?.score ?? 0 };
  };
  const compared: Array<{ query: MatchSearchRequest; reference: string[]; bestScore: number }> = [];
  for (const query of queries) {
    const { ids, bestScore } = await topOf(query, MAX_CANDIDATE_POOL);
    if (ids.length > 0) compared.push({ query, reference: ids, bestScore });
  }
  const depths: DepthOutcome[] = [];
  for (const candidatePool of pools) {
    const durations: number[] = [];
    let sameBest = 0;
    let sameTop10 = 0;
    let overlap = 0;
    const gaps: number[] = [];
    for (const { query, reference, bestScore } of compared) {
      const started = performance.now();
      const { ids: top, bestScore: score } = await topOf(query, candidatePool);
      durations.push(performance.now() - started);
      gaps.push(Math.max(0, bestScore - score));
      const shared = top.filter((id) => reference.includes(id)).length;
      if (top[0] === reference[0]) sameBest += 1;
      if (shared === reference.length && top.length === reference.length) sameTop10 += 1;
      overlap += shared / reference.length;
    }
    const share = (n: number) => Number((n / compared.length).toFixed(3));
    const gap = { mean: Number((gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(4)), max: Number(Math.max(...gaps).toFixed(4)) };
    depths.push({ candidatePool, latencyMs: percentiles(durations), sameBest: share(sameBest), sameTop10: share(sameTop10), top10Overlap: share(overlap), bestScoreGap: gap });
  }
  return { referencePool: MAX_CANDIDATE_POOL, queries: compared.length, depths };
}
