/**
 * Words a request's title and description are full of but that say nothing about expertise.
 * Meilisearch skips them in queries: without them, long French requests ("gestion de la paie et des
 * avantages") searched several times slower and ranked on "de", "la" and "et".
 */
export const STOP_WORDS: readonly string[] = [
  // French
  'a', 'à', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'd', 'dans', 'de', 'des', 'du', 'elle', 'en', 'est', 'et',
  'il', 'ils', 'j', 'je', 'l', 'la', 'le', 'les', 'leur', 'leurs', 'lui', 'm', 'ma', 'mais', 'me', 'mes', 'mon', 'n',
  'ne', 'nos', 'notre', 'nous', 'on', 'ou', 'où', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 's', 'sa', 'se', 'ses',
  'son', 'sont', 'sur', 't', 'ta', 'te', 'tes', 'ton', 'un', 'une', 'vos', 'votre', 'vous', 'y',
  // English
  'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of', 'on',
  'or', 'our', 'that', 'the', 'their', 'this', 'to', 'was', 'we', 'will', 'with', 'you', 'your',
];
