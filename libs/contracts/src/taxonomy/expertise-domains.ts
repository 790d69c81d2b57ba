/**
 * The 18 expertise domains of the consortium. The codes are stable identifiers
 * stored in databases, indexes and events: never rename or reorder them.
 */
export const EXPERTISE_DOMAIN_CODES = [
  'legal',
  'hr',
  'marketing',
  'events',
  'web',
  'it',
  'accounting',
  'finance',
  'governance',
  'communications',
  'graphic-design',
  'translation',
  'training',
  'strategy',
  'real-estate',
  'funding',
  'research',
  'project-management',
] as const;

export type ExpertiseDomainCode = (typeof EXPERTISE_DOMAIN_CODES)[number];

export interface ExpertiseDomain {
  readonly code: ExpertiseDomainCode;
  readonly labels: { readonly fr: string; readonly en: string };
}

export const EXPERTISE_DOMAINS: readonly ExpertiseDomain[] = [
  { code: 'legal', labels: { fr: 'Droit et affaires juridiques', en: 'Legal' } },
  { code: 'hr', labels: { fr: 'Ressources humaines', en: 'Human resources' } },
  { code: 'marketing', labels: { fr: 'Marketing', en: 'Marketing' } },
  { code: 'events', labels: { fr: "Organisation d'événements", en: 'Event planning' } },
  { code: 'web', labels: { fr: 'Web et numérique', en: 'Web and digital' } },
  { code: 'it', labels: { fr: "Technologies de l'information", en: 'Information technology' } },
  { code: 'accounting', labels: { fr: 'Comptabilité', en: 'Accounting' } },
  { code: 'finance', labels: { fr: 'Finances', en: 'Finance' } },
  { code: 'governance', labels: { fr: 'Gouvernance et vie associative', en: 'Governance' } },
  { code: 'communications', labels: { fr: 'Communications', en: 'Communications' } },
  { code: 'graphic-design', labels: { fr: 'Design graphique', en: 'Graphic design' } },
  { code: 'translation', labels: { fr: 'Traduction et révision', en: 'Translation and editing' } },
  { code: 'training', labels: { fr: 'Formation', en: 'Training' } },
  { code: 'strategy', labels: { fr: 'Planification stratégique', en: 'Strategic planning' } },
  { code: 'real-estate', labels: { fr: 'Immobilier', en: 'Real estate' } },
  { code: 'funding', labels: { fr: 'Financement et subventions', en: 'Funding and grants' } },
  { code: 'research', labels: { fr: 'Recherche et analyse', en: 'Research and analysis' } },
  { code: 'project-management', labels: { fr: 'Gestion de projet', en: 'Project management' } },
];

const EXPERTISE_DOMAIN_CODE_SET: ReadonlySet<string> = new Set(EXPERTISE_DOMAIN_CODES);

export function isExpertiseDomainCode(value: unknown): value is ExpertiseDomainCode {
  return typeof value === 'string' && EXPERTISE_DOMAIN_CODE_SET.has(value);
}
