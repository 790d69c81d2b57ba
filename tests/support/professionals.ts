import { Meilisearch } from 'meilisearch';
import { formatDay, keywordsOf, mondayOf, professionalsIndexName, today, type CreateProfessionalRequest, type ProfessionalSearchDocument } from '@coop/contracts';
import { splitByKeywords } from '../../apps/matching/src/candidates/professionals-search.js';
import type { TestStack } from './test-stack.js';

let counter = 0;

/** A valid new professional; each call gets its own email. */
export function aProfessional(overrides: Partial<CreateProfessionalRequest> = {}): CreateProfessionalRequest {
  counter += 1;
  return {
    fullName: `Geneviève Tremblay ${counter}`,
    email: `genevieve.tremblay.${counter}.${Date.now()}@consortium-coop.example`,
    domains: [
      { code: 'legal', level: 5, years: 18 },
      { code: 'governance', level: 4, years: 12 },
    ],
    skills: ['Loi sur les coopératives', 'règlements généraux', 'assemblée générale'],
    bio: "Avocate spécialisée en droit coopératif, elle accompagne des coopératives d'habitation.",
    languages: ['fr', 'en'],
    region: 'montreal',
    coopExperience: { years: 16, sectors: ['housing', 'funeral'], mandates: 42 },
    weeklyCapacityHours: 35,
    costRate: 135,
    ...overrides,
  };
}

/** Monday of this week where the services run (their default TIME_ZONE). */
export function thisMonday(): number {
  return mondayOf(today('America/Toronto'));
}

/** The Monday `weeks` weeks after this week's, as YYYY-MM-DD, plus `days`. */
export function weekDay(weeks: number, days = 0): string {
  return formatDay(thisMonday() + weeks * 7 + days);
}

/** The test's professionals index, read the way the matching service reads it. */
export function searchIndex(stack: TestStack) {
  const client = new Meilisearch({ host: stack.env.MEILI_URL!, apiKey: stack.env.MEILI_MASTER_KEY });
  return client.index<ProfessionalSearchDocument>(professionalsIndexName(stack.env.MEILI_INDEX_PREFIX ?? ''));
}

/** The documents of `index` holding `word` among their keywords (as matching asks for them), and in `filter` if given. */
export function holding(index: ReturnType<typeof searchIndex>, word: string, filter?: string) {
  const [holders] = splitByKeywords(keywordsOf(word));
  return index.search('', { filter: [holders, ...(filter ? [filter] : [])].join(' AND ') });
}
