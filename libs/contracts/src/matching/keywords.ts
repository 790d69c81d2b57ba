/**
 * Text relevance, computed by matching from keywords: the words of a request's title and
 * description against those of a professional's skills, domain labels and bio. The professionals
 * index holds each profile's keywords (filterable, so that matching reads who holds any of a
 * request's keywords as one more list sorted by profile score); the relevance itself is computed
 * here, the same for every reader, whatever list or page a professional came from.
 *
 * Why not the search engine's own ranking score: it keeps a query's first word (Meilisearch drops
 * words from the end until something matches), so a request whose first word no profile held gave
 * everyone relevance 0; and a document's score depended on which others the query held.
 */

/**
 * Words a request's title and description are full of but that say nothing about expertise
 * (French, English), as keywordsOf normalises them.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // French
    'a', 'à', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'dans', 'de', 'des', 'du', 'elle', 'en', 'est', 'et',
    'il', 'ils', 'je', 'la', 'le', 'les', 'leur', 'leurs', 'lui', 'ma', 'mais', 'me', 'mes', 'mon', 'ne', 'nos',
    'notre', 'nous', 'on', 'ou', 'où', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 'sa', 'se', 'ses', 'son', 'sont',
    'sur', 'ta', 'te', 'tes', 'ton', 'un', 'une', 'vos', 'votre', 'vous',
    // English
    'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on',
    'or', 'our', 'that', 'the', 'their', 'this', 'to', 'was', 'we', 'will', 'with', 'you', 'your',
  ].map(normalised),
);

/** A request's keywords beyond this many (title first) are not read: the filter stays small. */
export const MAX_REQUEST_KEYWORDS = 64;
/** This many of a request's keywords held in skills or domain labels make a full match (relevance 1). */
export const FULL_MATCH_KEYWORDS = 10;
/** A keyword held only in the bio counts this much of one held in skills or domain labels. */
export const BIO_KEYWORD_WEIGHT = 0.5;

/**
 * The distinct keywords of a text, in order of first appearance: lower case, without accents, cut
 * at anything but letters and digits, without stop words and single characters, and a plural's
 * final "s" dropped (so "statuts" meets "statut"). Exact words otherwise: no typo tolerance.
 */
export function keywordsOf(text: string): string[] {
  const keywords = new Set<string>();
  for (const word of normalised(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    keywords.add(singular(word));
  }
  return [...keywords];
}

/** What the index holds of a profile's words (each once). */
export interface ProfileKeywords {
  /** Every keyword of skills, domain labels and bio (the index filters on them): those of skills and domain labels first. */
  keywords: string[];
  /** How many of `keywords`, from the first, are of skills and domain labels (they count in full; the rest only by half). */
  skillKeywordCount: number;
}

export function profileKeywords(profile: { skills: readonly string[]; domainLabels: readonly string[]; bio: string }): ProfileKeywords {
  const skillKeywords = keywordsOf([...profile.skills, ...profile.domainLabels].join('\n'));
  const keywords = [...new Set([...skillKeywords, ...keywordsOf(profile.bio)])];
  return { keywords, skillKeywordCount: skillKeywords.length };
}

/** The keywords of a request's text that matching reads (the first MAX_REQUEST_KEYWORDS). */
export function requestKeywords(text: string): string[] {
  return keywordsOf(text).slice(0, MAX_REQUEST_KEYWORDS);
}

/**
 * The textRelevance factor, in [0, 1]: the request's keywords (requestKeywords, as a set) the
 * profile holds, each counting 1 in skills or domain labels and BIO_KEYWORD_WEIGHT in the bio only,
 * over FULL_MATCH_KEYWORDS (or over all of them when the request has fewer). 0 exactly when the
 * profile holds none of them. Computed for every professional read: nothing is built per call.
 */
export function keywordRelevance(request: ReadonlySet<string>, profile: Partial<ProfileKeywords>): number {
  if (request.size === 0) return 0;
  const keywords = profile.keywords ?? [];
  const skills = profile.skillKeywordCount ?? 0;
  let held = 0;
  for (let i = 0; i < keywords.length; i += 1) if (request.has(keywords[i])) held += i < skills ? 1 : BIO_KEYWORD_WEIGHT;
  return Math.min(1, held / Math.min(request.size, FULL_MATCH_KEYWORDS));
}

function normalised(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
