/**
 * Co-operative sectors: the sector of a member federation and the sectors a
 * professional has worked in. Stable codes: never rename or reorder them.
 */
export const COOP_SECTOR_CODES = [
  'housing',
  'funeral',
  'school',
  'food',
  'home-care',
  'health',
  'worker',
  'agriculture',
  'financial',
  'forestry',
  'energy',
  'culture',
  'other',
] as const;

export type CoopSectorCode = (typeof COOP_SECTOR_CODES)[number];

export interface CoopSector {
  readonly code: CoopSectorCode;
  readonly labels: { readonly fr: string; readonly en: string };
}

export const COOP_SECTORS: readonly CoopSector[] = [
  { code: 'housing', labels: { fr: 'Habitation', en: 'Housing' } },
  { code: 'funeral', labels: { fr: 'Funéraire', en: 'Funeral' } },
  { code: 'school', labels: { fr: 'Milieu scolaire', en: 'School' } },
  { code: 'food', labels: { fr: 'Alimentation', en: 'Food' } },
  { code: 'home-care', labels: { fr: 'Aide à domicile', en: 'Home care' } },
  { code: 'health', labels: { fr: 'Santé', en: 'Health' } },
  { code: 'worker', labels: { fr: 'Coopératives de travail', en: 'Worker co-operatives' } },
  { code: 'agriculture', labels: { fr: 'Agriculture', en: 'Agriculture' } },
  { code: 'financial', labels: { fr: 'Services financiers', en: 'Financial services' } },
  { code: 'forestry', labels: { fr: 'Foresterie', en: 'Forestry' } },
  { code: 'energy', labels: { fr: 'Énergie', en: 'Energy' } },
  { code: 'culture', labels: { fr: 'Culture', en: 'Culture' } },
  { code: 'other', labels: { fr: 'Autre', en: 'Other' } },
];

const COOP_SECTOR_CODE_SET: ReadonlySet<string> = new Set(COOP_SECTOR_CODES);

export function isCoopSectorCode(value: unknown): value is CoopSectorCode {
  return typeof value === 'string' && COOP_SECTOR_CODE_SET.has(value);
}
