import { MAX_PROFILE_SCORE, type ProfessionalSearchDocument, RANKING_WEIGHTS } from '@coop/contracts';
import type { WindowAvailability } from '../ranking/candidate-facts.js';

/**
 * Margin on every comparison of a score with a bound: scores are sums of floating-point products
 * summed in another order than the bounds, and a true tie must never stop the reading (ties go to
 * the smaller id, which could be further down).
 */
const EPSILON = 1e-9;

/** One list of the index: the professionals of `filter`, by profileScores.<domain>, best first. */
export interface ListSpec {
  filter: string;
  /** The text list: only those holding some of these keywords (the request's), with their relevance to them. */
  keywords?: string[];
}

export interface ListRead {
  list: ListSpec;
  offset: number;
  limit: number;
}

export interface ListHit {
  document: ProfessionalSearchDocument;
  /** Their relevance to the text list's keywords (0 in other lists: not known from them). */
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
  /** What every professional of this stream gets from the request-dependent profile factors (sector, region), at most. */
  bonus: number;
}

export interface RetrievalPlan {
  domain: string;
  /** The request's keywords (requestKeywords); none: nobody has text relevance. */
  keywords: string[];
  /** The set to rank (hard filters the index applies, and the window's weekly free hours when only those free for it are wanted). */
  setFilter: string;
  /** Where the text list is read (in the domain, active, speaking the language), a page at a time by profile score. */
  textFilter: string;
  /** Disjoint slices covering the set; each with the most it may add to the profile score. */
  streams: Stream[];
  /** What anyone gets whatever their profile, at most, besides profile, bonus and text: window factors, region when remote. */
  rest: number;
  /** Professionals with a bonus nobody else has (continuity: past assignments for this member): read whole. */
  known: string[];
  /** How many of the best must be exactly the exhaustive ranking's. */
  top: number;
  /** Which candidates count toward `top`: those available, or those not. */
  wanted: 'available' | 'unavailable';
  /** The first page of the stream with the largest bonus; the others first get a probe. */
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
  /** Exact when `relevanceKnown`; otherwise 0 (they did not make the top either way). */
  relevance: number;
  relevanceKnown: boolean;
  availability: WindowAvailability;
}

export interface RetrievalOutcome {
  retrieved: Map<string, Retrieved>;
  /** True when the top is provably the exhaustive ranking's (false only when maxDepth cut a list short). */
  exact: boolean;
  rounds: number;
  hits: number;
}

const PROBE = 3;
/** A floor this close to 0 is left out of the text list's filter (and the list read to its end instead). */
const MIN_FLOOR = 1e-6;

class ListState {
  offset = 0;
  exhausted = false;
  /** profileScores.<domain> of the last professional read (everyone unread scores at most this). */
  last = Number.POSITIVE_INFINITY;
  nextLimit: number;
  truncated = false;
  /** The text list: its next page is everyone at `last` (more of them than a page held), then below it. */
  tiesPending = false;
  /** The text list: everyone at `last` is read, so the next page is strictly below it. */
  tiesRead = false;
  /** The text list: the lowest profile score its page being read reaches (undefined: as deep as the page goes). */
  pageFloor?: number;

  constructor(
    readonly spec: ListSpec,
    firstLimit: number,
  ) {
    this.nextLimit = firstLimit;
  }
}

interface Seen {
  document: ProfessionalSearchDocument;
  profile: number;
  /** Known once the text list returned them, or went past their profile score (then 0), or ended. */
  relevance?: number;
  availability?: WindowAvailability;
  /** Their rating for a relevance, computed once (availability does not change during retrieval). */
  ratings?: Map<number, Rating>;
}

/**
 * Stage one of matching, exact by construction (Fagin's threshold algorithm). Each stream of the
 * set is read from the index by profile score, best first, and so is the text list (those
 * holding some of the request's keywords, with their relevance); everyone read gets their exact availability
 * and score. Reading stops once the `top`-th best score is above what anyone not yet read could
 * reach: their profile score is at most the last one read in their stream, to which the stream's
 * bonus, a full text relevance (unless the text list is past them: then they match none of its
 * words) and the best window factors are added. So the top is the one an exhaustive ranking of the
 * set would give.
 */
export async function retrieveTop(plan: RetrievalPlan, sources: RetrievalSources): Promise<RetrievalOutcome> {
  const textual = plan.keywords.length > 0;
  const and = (...parts: string[]) => parts.filter((part) => part !== '').join(' AND ');
  const bestBonus = Math.max(...plan.streams.map((stream) => stream.bonus));
  const streams = plan.streams.map((stream) => new ListState({ filter: and(plan.setFilter, stream.filter) }, stream.bonus === bestBonus ? plan.firstPage : PROBE));
  const text = textual ? new ListState({ filter: plan.textFilter, keywords: plan.keywords }, plan.firstPage) : undefined;
  const seen = new Map<string, Seen>();
  /** What the text list said of each professional it returned (in the set or not), with their profile score. */
  const textHits = new Map<string, { profile: number; relevance: number }>();
  let rounds = 0;
  let hits = 0;

  const knownFilter = plan.known.length > 0 ? and(plan.setFilter, `id IN [${plan.known.map(quote).join(', ')}]`) : undefined;
  let knownPending = knownFilter !== undefined;

  for (;;) {
    const reads: Array<{ read: ListRead; state?: ListState }> = [];
    if (knownPending && knownFilter) {
      // Read whole; their relevance comes from the text list like anyone's.
      reads.push({ read: { list: { filter: knownFilter }, offset: 0, limit: plan.known.length } });
      knownPending = false;
    }
    const threshold = rounds === 0 ? undefined : thresholdOf(seen);
    // A stream is read further while someone unread in it could still make the top; the text list
    // while a stream is, or someone read without their relevance could make it.
    const wanted = streams.filter((plain, i) => !plain.exhausted && (threshold === undefined || streamBound(plan, plain, text, i, unseenTextHits()) + EPSILON >= threshold));
    // Nor below the profile score under which nobody's relevance can matter any more.
    const floor = threshold === undefined ? undefined : textFloor(threshold);
    const wantText = text !== undefined && !text.exhausted && (floor === undefined || text.last > floor) && (wanted.length > 0 || hasUnresolved(seen, threshold));
    for (const state of [...wanted, ...(wantText ? [text] : [])]) {
      const limit = Math.min(state.nextLimit, plan.maxDepth - state.offset);
      if (limit <= 0) {
        state.exhausted = true;
        state.truncated = true;
        continue;
      }
      const read = state === text ? textPage(plan, state, limit, floor) : { list: state.spec, offset: state.offset, limit };
      reads.push({ read, state });
    }
    if (reads.length === 0) break;
    rounds += 1;

    const pages = await sources.read(reads.map((r) => r.read));
    const fresh: string[] = [];
    pages.forEach((page, k) => {
      const { read, state } = reads[k];
      hits += page.length;
      let newToText = 0;
      for (const hit of page) {
        // The text list only tells relevance: candidates come from the set's own lists.
        if (read.list.keywords) {
          if (!textHits.has(hit.document.id)) newToText += 1;
          textHits.set(hit.document.id, { profile: profileScoreOf(hit.document, plan.domain), relevance: hit.relevance });
          const entry = seen.get(hit.document.id);
          if (entry) entry.relevance = hit.relevance;
          continue;
        }
        if (seen.has(hit.document.id)) continue;
        seen.set(hit.document.id, { document: hit.document, profile: profileScoreOf(hit.document, plan.domain), relevance: textHits.get(hit.document.id)?.relevance });
        fresh.push(hit.document.id);
      }
      if (text !== undefined && state === text) {
        afterTextPage(plan, text, read, page, newToText);
      } else if (state) {
        state.offset = read.offset + page.length;
        if (page.length > 0) state.last = profileScoreOf(page[page.length - 1].document, plan.domain);
        if (page.length < read.limit) state.exhausted = true;
        state.nextLimit *= 2;
      }
    });
    if (fresh.length > 0) {
      const availability = await sources.availability(fresh);
      for (const id of fresh) {
        const entry = seen.get(id)!;
        entry.availability = availability.get(id);
        if (!entry.availability) seen.delete(id); // gone from Postgres meanwhile
      }
    }
    resolveRelevance(seen, text, textual);
  }

  const retrieved = new Map<string, Retrieved>();
  for (const [id, entry] of seen) {
    retrieved.set(id, { document: entry.document, relevance: entry.relevance ?? 0, relevanceKnown: entry.relevance !== undefined, availability: entry.availability! });
  }
  const exact = streams.every((plain) => !plain.truncated) && !text?.truncated;
  return { retrieved, exact, rounds, hits };

  /** The `top`-th best score of those wanted, their unknown relevances taken as 0 (a lower bound of the true one). */
  function thresholdOf(all: Map<string, Seen>): number | undefined {
    const scores: number[] = [];
    for (const entry of all.values()) {
      const rating = ratingOf(entry, entry.relevance ?? 0);
      if (rating.excluded || rating.available !== (plan.wanted === 'available')) continue;
      scores.push(rating.score);
    }
    if (scores.length < plan.top) return undefined;
    scores.sort((a, b) => b - a);
    return scores[plan.top - 1];
  }

  function ratingOf(entry: Seen, relevance: number): Rating {
    entry.ratings ??= new Map();
    let rating = entry.ratings.get(relevance);
    if (!rating) {
      rating = sources.rate(entry.document, relevance, entry.availability!);
      entry.ratings.set(relevance, rating);
    }
    return rating;
  }

  /** Those the text list returned that no list of the set has yet (they may be in it). */
  function unseenTextHits(): Array<{ profile: number; relevance: number }> {
    return [...textHits].filter(([id]) => !seen.has(id)).map(([, hit]) => hit);
  }

  /** Whether someone read without their relevance could still reach the threshold. */
  function hasUnresolved(all: Map<string, Seen>, threshold: number | undefined): boolean {
    for (const entry of all.values()) {
      if (entry.relevance !== undefined) continue;
      if (threshold === undefined || couldReach(entry, threshold)) return true;
    }
    return false;
  }

  function couldReach(entry: Seen, threshold: number): boolean {
    const rating = ratingOf(entry, 1);
    return !rating.excluded && rating.available === (plan.wanted === 'available') && rating.score + EPSILON >= threshold;
  }

  /**
   * The profile score below which the text list need not be read: whoever is under it could not
   * reach the threshold even matching every word, in any stream (the best bonus) or read already
   * (continuity is more than a stream gives). Undefined when that is too close to 0 to be a bound.
   */
  function textFloor(threshold: number): number | undefined {
    let floor = threshold - RANKING_WEIGHTS.textRelevance - bestBonus - plan.rest;
    for (const entry of seen.values()) if (entry.relevance === undefined && couldReach(entry, threshold)) floor = Math.min(floor, entry.profile);
    floor -= EPSILON;
    return floor > MIN_FLOOR ? floor : undefined;
  }
}

/**
 * The most anyone not yet read in this stream could score: their profile score is at most the last
 * one read in it. Whom the text list returned has their relevance known (and may be in any stream);
 * whom it did not return matches none of the words if their profile score is above the text list's
 * last, and may match all of them otherwise.
 */
function streamBound(plan: RetrievalPlan, plain: ListState, text: ListState | undefined, i: number, textHits: Array<{ profile: number; relevance: number }>): number {
  if (plain.exhausted) return Number.NEGATIVE_INFINITY;
  const profile = Math.min(plain.last, MAX_PROFILE_SCORE);
  let best = profile;
  if (text && !text.exhausted) best = Math.max(best, Math.min(profile, text.last) + RANKING_WEIGHTS.textRelevance);
  for (const hit of textHits) if (hit.profile <= profile) best = Math.max(best, hit.profile + RANKING_WEIGHTS.textRelevance * hit.relevance);
  return best + plan.streams[i].bonus + plan.rest;
}

/**
 * The text list's next page: from the top, then at or below the last profile score read (those
 * tied with it who did not fit the last page come first, the ones already read are skipped), by a
 * filter on the sort's own field rather than at an offset (which Meilisearch pays for by reading
 * the skipped hits again), and never below the floor (textFloor).
 */
function textPage(plan: RetrievalPlan, state: ListState, limit: number, floor: number | undefined): ListRead {
  const field = `profileScores.${plan.domain}`;
  const bounds: string[] = [];
  state.pageFloor = undefined;
  if (state.tiesPending) {
    bounds.push(`${field} = ${state.last}`);
  } else {
    if (state.last !== Number.POSITIVE_INFINITY) bounds.push(`${field} ${state.tiesRead ? '<' : '<='} ${state.last}`);
    if (floor !== undefined) bounds.push(`${field} >= ${floor}`);
    state.pageFloor = floor;
  }
  return { list: { ...state.spec, filter: [state.spec.filter, ...bounds].join(' AND ') }, offset: 0, limit: state.tiesPending ? plan.maxDepth : limit };
}

/** Where the text list stands after a page of which `newToText` professionals were not read before. */
function afterTextPage(plan: RetrievalPlan, state: ListState, read: ListRead, page: ListHit[], newToText: number): void {
  if (state.tiesPending) {
    state.tiesPending = false;
    state.tiesRead = true;
    if (page.length === read.limit) state.truncated = state.exhausted = true;
    return;
  }
  state.nextLimit *= 2;
  if (page.length < read.limit && state.pageFloor !== undefined) {
    // Everyone down to the floor is read: the list goes on strictly below it, if ever needed.
    state.last = state.pageFloor;
    state.tiesRead = true;
    return;
  }
  if (page.length < read.limit) {
    state.exhausted = true;
    if (page.length > 0) state.last = profileScoreOf(page[page.length - 1].document, plan.domain);
    return;
  }
  if (newToText === 0) {
    // A full page of those already read: more are tied at `last` than a page holds.
    state.tiesPending = true;
    return;
  }
  state.last = profileScoreOf(page[page.length - 1].document, plan.domain);
  state.tiesRead = false;
}

/**
 * A professional's relevance is known once the text list returned them, ended, or went past their
 * profile score (it holds everyone matching some of the words by profile score, best first: not in
 * it by then means no match, 0).
 */
function resolveRelevance(seen: Map<string, Seen>, text: ListState | undefined, textual: boolean): void {
  for (const entry of seen.values()) {
    if (entry.relevance !== undefined) continue;
    if (!textual || text!.exhausted || entry.profile > text!.last) entry.relevance = 0;
  }
}

export function profileScoreOf(document: ProfessionalSearchDocument, domain: string): number {
  return (document.profileScores as Record<string, number | undefined> | undefined)?.[domain] ?? 0;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
