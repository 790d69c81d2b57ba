import { MAX_PROFILE_SCORE, type ProfessionalSearchDocument } from '@coop/contracts';
import type { WindowAvailability } from '../ranking/candidate-facts.js';
import { BEST_WINDOW } from '../ranking/factors.js';
import { allOf, quote } from './index-filters.js';

/**
 * Margin on every comparison of a score with a bound: scores are sums of floating-point products
 * summed in another order than the bounds, and a true tie must never stop the reading (ties go to
 * the smaller id, which could be further down).
 */
const EPSILON = 1e-9;

/** One list of the index: the professionals of `filter`, by profileScores.<domain>, best first. */
export interface ListRead {
  filter: string;
  /**
   * Only those whose profile score is at least this (from the second round on: whoever is below
   * could not make the top even with the best of bonuses and windows). The list's order and offsets
   * are unchanged by it, since everyone read before scores above it.
   */
  minProfileScore?: number;
  offset: number;
  limit: number;
}

export interface ListHit {
  document: ProfessionalSearchDocument;
  /** Their text relevance to the request (computed from the keywords the document carries). */
  relevance: number;
}

/** Pages of several lists, in one multi-search, in the order asked. */
export type IndexReader = (reads: ListRead[]) => Promise<ListHit[][]>;

/** What the ranking makes of a professional with a known relevance and availability. */
export interface Rating {
  /** Excluded by a hard constraint the index could not apply (declined this request). */
  excluded: boolean;
  available: boolean;
  score: number;
}

/** A slice of the set that retrieval reads as a list of its own. */
export interface Stream {
  /** Narrows the set (e.g. `coopSectors = "housing"`); '' for the whole set. */
  filter: string;
  /** What every professional of this stream gets from the request-dependent profile factors (sector, region, text), at most. */
  bonus: number;
}

export interface RetrievalPlan {
  domain: string;
  /** The set to rank (hard filters the index applies, and the window's weekly free hours when only those free for it are wanted). */
  setFilter: string;
  /** Disjoint slices covering the set; each with the most it may add to the profile score. */
  streams: Stream[];
  /** What anyone gets whatever their profile, at most, besides profile and bonus: window factors, region when remote. */
  rest: number;
  /** Professionals with a bonus nobody else has (continuity: past assignments for this member): read whole. */
  known: string[];
  /** How many of the best must be exactly the exhaustive ranking's. */
  top: number;
  /** Which candidates count toward `top`: those available, or those not. */
  wanted: 'available' | 'unavailable';
  /** The first page of the streams with the largest bonus (read first); the others' is a probe. */
  firstPage: number;
  /** Deepest offset the index answers (its pagination.maxTotalHits). */
  maxDepth: number;
}

export interface RetrievalSources {
  read: IndexReader;
  availability: (ids: string[]) => Promise<Map<string, WindowAvailability>>;
  rate: (document: ProfessionalSearchDocument, relevance: number, availability: WindowAvailability) => Rating;
}

/** Everyone retrieval saw, with what it knows of them. */
export interface Retrieved {
  document: ProfessionalSearchDocument;
  relevance: number;
  availability: WindowAvailability;
}

export interface RetrievalOutcome {
  /** Everyone read who could make the top: the top itself, and others in no particular order of merit. */
  retrieved: Map<string, Retrieved>;
  /** How many of those retrieved are available and not excluded. */
  available: number;
  /** True when the top is provably the exhaustive ranking's (false only when maxDepth cut a list short). */
  exact: boolean;
  rounds: number;
  hits: number;
}

const PROBE = 3;

class StreamState {
  offset = 0;
  exhausted = false;
  /** profileScores.<domain> of the last professional read (everyone unread scores at most this). */
  last = Number.POSITIVE_INFINITY;
  nextLimit: number;
  truncated = false;

  constructor(
    readonly filter: string,
    readonly bonus: number,
    firstLimit: number,
  ) {
    this.nextLimit = firstLimit;
  }

  /** The most anyone not yet read in this stream could score. */
  bound(rest: number): number {
    return this.exhausted ? Number.NEGATIVE_INFINITY : Math.min(this.last, MAX_PROFILE_SCORE) + this.bonus + rest;
  }

  /**
   * The least profile score with which someone of this stream could still reach `threshold` (with
   * the stream's bonus and the best of windows): a page read with it holds only those who could, and
   * a short page shows that nobody further down can.
   */
  floor(rest: number, threshold: number): number {
    return threshold - this.bonus - rest - EPSILON;
  }
}

/**
 * Stage one of matching, exact by construction (Fagin's threshold algorithm). Each stream of the
 * set is read from the index by profile score, best first; everyone read who could still make the
 * top gets their exact availability and score (from the second round on, those who could not,
 * even with the best of windows, are left out). Reading stops once the `top`-th best score is
 * above what anyone not yet read could reach: their profile score is at most the last one read in
 * their stream, to which the stream's bonus (the most its sector, region and text give) and the
 * best window factors are added. So the top is the one an exhaustive ranking of the set would give.
 */
export async function retrieveTop(plan: RetrievalPlan, sources: RetrievalSources): Promise<RetrievalOutcome> {
  const bestBonus = Math.max(...plan.streams.map((stream) => stream.bonus));
  const streams = plan.streams.map((stream) => new StreamState(allOf(plan.setFilter, stream.filter), stream.bonus, stream.bonus === bestBonus ? plan.firstPage : PROBE));
  const seen = new Map<string, { hit: ListHit; rating?: Rating; availability?: WindowAvailability }>();
  let rounds = 0;
  let hits = 0;
  let knownPending = plan.known.length > 0;

  for (;;) {
    const reads: Array<{ read: ListRead; stream?: StreamState }> = [];
    if (knownPending) {
      reads.push({ read: { filter: allOf(plan.setFilter, `id IN [${plan.known.map(quote).join(', ')}]`), offset: 0, limit: plan.known.length } });
      knownPending = false;
    }
    const threshold = rounds === 0 ? undefined : thresholdOf();
    for (const stream of streams) {
      // The first round reads the streams with the largest bonus; the others wait for its threshold,
      // which most often shows that nobody in them can make the top.
      if (stream.exhausted || (rounds === 0 && stream.bonus < bestBonus) || (threshold !== undefined && stream.bound(plan.rest) + EPSILON < threshold)) continue;
      const limit = Math.min(stream.nextLimit, plan.maxDepth - stream.offset);
      if (limit <= 0) {
        stream.exhausted = stream.truncated = true;
        continue;
      }
      const floor = threshold === undefined ? undefined : { minProfileScore: stream.floor(plan.rest, threshold) };
      reads.push({ read: { filter: stream.filter, ...floor, offset: stream.offset, limit }, stream });
    }
    if (reads.length === 0) break;
    rounds += 1;

    const pages = await sources.read(reads.map((r) => r.read));
    const fresh: string[] = [];
    pages.forEach((page, k) => {
      const { read, stream } = reads[k];
      hits += page.length;
      for (const hit of page) {
        if (seen.has(hit.document.id)) continue;
        // Whoever could not reach the top even with the best of windows is not asked about: their
        // availability could only lower their score (a page read deeper, a stream probed, often holds only such).
        if (threshold !== undefined && sources.rate(hit.document, hit.relevance, BEST_WINDOW).score + EPSILON < threshold) continue;
        seen.set(hit.document.id, { hit });
        fresh.push(hit.document.id);
      }
      if (!stream) return;
      stream.offset = read.offset + page.length;
      if (page.length > 0) stream.last = profileScoreOf(page[page.length - 1].document, plan.domain);
      if (page.length < read.limit) stream.exhausted = true;
      stream.nextLimit *= 2;
    });
    if (fresh.length > 0) {
      const availability = await sources.availability(fresh);
      for (const id of fresh) {
        const entry = seen.get(id)!;
        entry.availability = availability.get(id);
        if (entry.availability) entry.rating = sources.rate(entry.hit.document, entry.hit.relevance, entry.availability);
        else seen.delete(id); // gone from Postgres meanwhile
      }
    }
  }

  const retrieved = new Map<string, Retrieved>();
  let available = 0;
  for (const [id, { hit, rating, availability }] of seen) {
    retrieved.set(id, { document: hit.document, relevance: hit.relevance, availability: availability! });
    if (rating!.available && !rating!.excluded) available += 1;
  }
  return { retrieved, available, exact: streams.every((stream) => !stream.truncated), rounds, hits };

  /** The `top`-th best score of those wanted. */
  function thresholdOf(): number | undefined {
    const scores: number[] = [];
    for (const { rating } of seen.values()) {
      if (!rating || rating.excluded || rating.available !== (plan.wanted === 'available')) continue;
      scores.push(rating.score);
    }
    if (scores.length < plan.top) return undefined;
    scores.sort((a, b) => b - a);
    return scores[plan.top - 1];
  }
}

export function profileScoreOf(document: ProfessionalSearchDocument, domain: string): number {
  return (document.profileScores as Record<string, number | undefined> | undefined)?.[domain] ?? 0;
}
