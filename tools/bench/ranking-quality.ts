// (e) of the matching benchmark: ranking quality against the exhaustive ranking. Each query is
// ranked as matching ranks it (two stages: retrieval by profile score with its threshold stop,
// then exact re-ranking), and by ranking every eligible professional (every active one with the
// domain and the language, with the same factors and exact availability: the tools-only
// `exhaustive`), in the same state; their top 10 are compared.
import { MatchingRpc, type MatchSearchRequest } from '@coop/contracts';
import type { RpcClient } from '@coop/platform';
import { percentiles, type Percentiles } from './bench-stack.js';

const TOP = 10;
const RPC_TIMEOUT_MS = 120_000;

export interface RankingQualityResult {
  /** Queries compared (those with at least one candidate in the exhaustive ranking). */
  queries: number;
  /** matching.search.v1 over NATS, one at a time: as matching ranks, and exhaustively. */
  twoStageMs: Percentiles;
  exhaustiveMs: Percentiles;
  /** Share of queries whose best candidate is the exhaustive ranking's. */
  sameBest: number;
  /** Share of queries whose top 10 is the exhaustive ranking's, in the same order. */
  sameTop10: number;
  /** Mean share of the exhaustive top 10 found in the two-stage top 10. */
  top10Overlap: number;
  /** How much lower the two-stage best score is than the exhaustive one (scores are 0..1). */
  bestScoreGap: { mean: number; max: number };
  /** The first few queries whose top 10 differs: where, and the two candidates there. */
  differences: Array<{ query: MatchSearchRequest; position: number; twoStage?: CandidateBrief; exhaustive?: CandidateBrief }>;
}

interface CandidateBrief {
  professionalId: string;
  score: number;
  available: boolean;
  factors: Record<string, number>;
}

export async function rankingQuality(rpc: RpcClient, queries: MatchSearchRequest[]): Promise<RankingQualityResult> {
  const twoStage: number[] = [];
  const exhaustive: number[] = [];
  let compared = 0;
  let sameBest = 0;
  let sameTop10 = 0;
  let overlap = 0;
  const gaps: number[] = [];
  const differences: RankingQualityResult['differences'] = [];
  for (const [i, query] of queries.entries()) {
    // Each way first in turn, so both see the same load on this shared machine.
    const ways = i % 2 === 0 ? [false, true] : [true, false];
    const views: Record<string, Awaited<ReturnType<typeof rank>>> = {};
    for (const all of ways) views[String(all)] = await rank(rpc, query, all);
    const [mine, reference] = [views.false, views.true];
    twoStage.push(mine.ms);
    exhaustive.push(reference.ms);
    if (reference.ids.length === 0) continue;
    compared += 1;
    const top = reference.ids.slice(0, TOP);
    const shared = mine.ids.slice(0, TOP).filter((id) => top.includes(id)).length;
    if (mine.ids[0] === top[0]) sameBest += 1;
    if (mine.ids.slice(0, TOP).join() === top.join()) sameTop10 += 1;
    else if (differences.length < 5) {
      const position = top.findIndex((id, k) => mine.ids[k] !== id);
      differences.push({ query, position, twoStage: mine.briefs[position], exhaustive: reference.briefs[position] });
    }
    overlap += shared / top.length;
    gaps.push(Math.max(0, reference.best - mine.best));
  }
  const share = (n: number) => Number((n / Math.max(1, compared)).toFixed(3));
  return {
    queries: compared,
    twoStageMs: percentiles(twoStage),
    exhaustiveMs: percentiles(exhaustive),
    sameBest: share(sameBest),
    sameTop10: share(sameTop10),
    top10Overlap: share(overlap),
    bestScoreGap: { mean: Number((gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)).toFixed(4)), max: Number(Math.max(0, ...gaps).toFixed(4)) },
    differences,
  };
}

async function rank(rpc: RpcClient, query: MatchSearchRequest, exhaustive: boolean) {
  const started = performance.now();
  const view = await rpc.send(MatchingRpc.search, { ...query, limit: TOP, ...(exhaustive ? { exhaustive } : {}) }, { timeoutMs: RPC_TIMEOUT_MS });
  const ms = performance.now() - started;
  const briefs = view.candidates.map((c) => ({ professionalId: c.professionalId, score: c.score, available: c.available, factors: c.factors }));
  return { ms, ids: view.candidates.map((c) => c.professionalId), best: view.candidates[0]?.score ?? 0, briefs };
}
