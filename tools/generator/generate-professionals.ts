/**
 * Synthetic professionals for load tests and scale demos (up to 100k and beyond).
 *
 * Deterministic: professional number `i` depends only on `(seed, i)`, so
 * `generateProfessionalsBatch(start, count, seed)` returns exactly the items `start .. start+count-1`
 * of `generateProfessionals(start + count, seed)`, and batches can be produced in any order.
 * Emails are `p<i>@synthetic.example` (i counted from 0), unique for a given run.
 */
import {
  COOP_SECTORS,
  EXPERTISE_DOMAINS,
  type CoopSectorCode,
  type ExpertiseDomainCode,
  type LanguageCode,
} from '../../libs/contracts/src/taxonomy/index.js';
import type {
  DemoProfessional,
  DemoProfessionalDomain,
  ExpertiseLevel,
} from '../demo/demo-professionals.js';
import { mixSeed, SeededRandom, type Weighted } from './random.js';
import { SKILL_KEYWORDS } from './skill-keywords.js';

/** Popularity of each domain as a professional's main field (relative weights). */
const DOMAIN_WEIGHTS: readonly Weighted<ExpertiseDomainCode>[] = [
  ['legal', 10],
  ['hr', 9],
  ['marketing', 8],
  ['web', 8],
  ['it', 8],
  ['accounting', 8],
  ['communications', 6],
  ['finance', 5],
  ['governance', 5],
  ['events', 5],
  ['project-management', 5],
  ['graphic-design', 4],
  ['training', 4],
  ['translation', 3],
  ['strategy', 3],
  ['funding', 3],
  ['real-estate', 2],
  ['research', 2],
];

/** Domains that often go together with a main domain (secondary domains are drawn from here first). */
const RELATED_DOMAINS: Readonly<Record<ExpertiseDomainCode, readonly ExpertiseDomainCode[]>> = {
  legal: ['governance', 'hr', 'real-estate'],
  hr: ['legal', 'training', 'accounting'],
  marketing: ['communications', 'graphic-design', 'web', 'research'],
  events: ['project-management', 'communications', 'marketing'],
  web: ['it', 'graphic-design', 'marketing'],
  it: ['web', 'project-management'],
  accounting: ['finance', 'hr'],
  finance: ['accounting', 'funding', 'strategy', 'real-estate'],
  governance: ['legal', 'strategy', 'training'],
  communications: ['marketing', 'translation', 'events', 'graphic-design'],
  'graphic-design': ['marketing', 'web', 'communications'],
  translation: ['communications', 'training'],
  training: ['governance', 'hr', 'communications'],
  strategy: ['governance', 'finance', 'research', 'project-management'],
  'real-estate': ['finance', 'project-management', 'legal'],
  funding: ['finance', 'strategy', 'research'],
  research: ['strategy', 'marketing', 'funding'],
  'project-management': ['events', 'it', 'strategy'],
};

const DOMAIN_COUNT_WEIGHTS: readonly Weighted<number>[] = [
  [1, 45],
  [2, 40],
  [3, 15],
];

const LEVEL_WEIGHTS: readonly Weighted<ExpertiseLevel>[] = [
  [1, 8],
  [2, 25],
  [3, 35],
  [4, 24],
  [5, 8],
];

/** Years of practice in a domain for each level, inclusive range. */
const YEARS_BY_LEVEL: Readonly<Record<ExpertiseLevel, readonly [number, number]>> = {
  1: [0, 2],
  2: [1, 5],
  3: [3, 9],
  4: [6, 16],
  5: [10, 30],
};

const LANGUAGE_WEIGHTS: readonly Weighted<readonly LanguageCode[]>[] = [
  [['fr'], 70],
  [['fr', 'en'], 20],
  [['en', 'fr'], 5],
  [['en'], 5],
];

/** About twelve Québec regions, weighted toward the two offices (Montréal and Québec). */
const REGION_WEIGHTS: readonly Weighted<string>[] = [
  ['montreal', 32],
  ['quebec', 22],
  ['monteregie', 8],
  ['estrie', 6],
  ['laurentides', 5],
  ['outaouais', 5],
  ['saguenay', 5],
  ['chaudiere-appalaches', 5],
  ['lanaudiere', 4],
  ['mauricie', 4],
  ['bas-saint-laurent', 2],
  ['abitibi-temiscamingue', 2],
];

const SECTOR_WEIGHTS: readonly Weighted<CoopSectorCode>[] = [
  ['housing', 10],
  ['food', 6],
  ['financial', 6],
  ['worker', 6],
  ['home-care', 5],
  ['school', 5],
  ['agriculture', 5],
  ['health', 4],
  ['culture', 4],
  ['funeral', 3],
  ['forestry', 3],
  ['other', 3],
  ['energy', 2],
];

const CAPACITY_WEIGHTS: readonly Weighted<number>[] = [
  [35, 74],
  [28, 12],
  [21, 9],
  [14, 5],
];

/** Hourly cost in CAD of a level-3 professional of the domain; seniority moves it up or down. */
const BASE_COST_RATE: Readonly<Record<ExpertiseDomainCode, number>> = {
  legal: 105,
  hr: 85,
  marketing: 82,
  events: 72,
  web: 88,
  it: 90,
  accounting: 78,
  finance: 95,
  governance: 92,
  communications: 80,
  'graphic-design': 72,
  translation: 70,
  training: 78,
  strategy: 100,
  'real-estate': 95,
  funding: 78,
  research: 85,
  'project-management': 90,
};

const MIN_COST_RATE = 55;
const MAX_COST_RATE = 140;

const FRENCH_FIRST_NAMES: readonly string[] = [
  'Geneviève', 'Marie-Ève', 'Isabelle', 'Catherine', 'Mélanie', 'Julie', 'Nathalie', 'Stéphanie',
  'Annie', 'Karine', 'Émilie', 'Audrey', 'Valérie', 'Josée', 'Chantal', 'Sophie', 'Maude', 'Camille',
  'Léa', 'Rosalie', 'Amélie', 'Marie-Claude', 'Caroline', 'Véronique', 'Andrée-Anne', 'Sylvie',
  'Jean-François', 'Marc-André', 'Mathieu', 'Alexandre', 'Maxime', 'Olivier', 'François', 'Simon',
  'Patrick', 'Sébastien', 'Éric', 'Martin', 'Benoît', 'Philippe', 'Hugo', 'Gabriel', 'Félix',
  'Louis-Philippe', 'Vincent', 'Étienne', 'Samuel', 'Jérôme', 'Pierre-Luc', 'Guillaume',
];

const FRENCH_LAST_NAMES: readonly string[] = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard',
  'Simard', 'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe',
  'Leclerc', 'Lefebvre', 'Poulin', 'Thibault', 'St-Pierre', 'Nadeau', 'Martin', 'Landry', 'Martel',
  'Bédard', 'Grenier', 'Lessard', 'Bernier', 'Richard', 'Michaud', 'Hébert', 'Desrosiers', 'Vachon',
  'Charbonneau', 'Tardif', 'Gosselin', 'Rioux', 'Turcotte',
];

const ENGLISH_FIRST_NAMES: readonly string[] = [
  'Emily', 'Sarah', 'Jessica', 'Rachel', 'Laura', 'Megan', 'Hannah', 'Olivia', 'Claire', 'Fiona',
  'David', 'Michael', 'Ryan', 'Kevin', 'Andrew', 'James', 'Daniel', 'Matthew', 'Brian', 'Neil',
];

const ENGLISH_LAST_NAMES: readonly string[] = [
  'Smith', 'Thompson', 'MacDonald', "O'Brien", 'Campbell', 'Stewart', 'Wilson', 'Taylor', 'Brown',
  'Murphy', 'Johnston', 'Kelly', 'Fraser', 'Robertson', 'Anderson', 'Young', 'Walsh', 'Reid',
  'Morrison', 'Grant',
];

/** How a domain reads in a sentence ("… years of experience in {phrase}"). */
const DOMAIN_PHRASES: Readonly<Record<ExpertiseDomainCode, { readonly fr: string; readonly en: string }>> = {
  legal: { fr: 'droit des coopératives', en: 'co-operative law' },
  hr: { fr: 'ressources humaines', en: 'human resources' },
  marketing: { fr: 'marketing', en: 'marketing' },
  events: { fr: "organisation d'événements", en: 'event planning' },
  web: { fr: 'développement web', en: 'web development' },
  it: { fr: "technologies de l'information", en: 'information technology' },
  accounting: { fr: 'comptabilité', en: 'accounting' },
  finance: { fr: 'gestion financière', en: 'financial management' },
  governance: { fr: 'gouvernance coopérative', en: 'co-operative governance' },
  communications: { fr: 'communications', en: 'communications' },
  'graphic-design': { fr: 'design graphique', en: 'graphic design' },
  translation: { fr: 'traduction et révision', en: 'translation and editing' },
  training: { fr: 'formation des adultes', en: 'adult training' },
  strategy: { fr: 'planification stratégique', en: 'strategic planning' },
  'real-estate': { fr: 'gestion immobilière', en: 'real estate management' },
  funding: { fr: 'recherche de financement', en: 'fundraising and grants' },
  research: { fr: 'recherche et analyse', en: 'research and analysis' },
  'project-management': { fr: 'gestion de projet', en: 'project management' },
};

const SECTOR_LABELS = new Map(COOP_SECTORS.map((sector) => [sector.code, sector.labels]));
const DOMAIN_LABELS = new Map(EXPERTISE_DOMAINS.map((domain) => [domain.code, domain.labels]));

function joinList(items: readonly string[], language: LanguageCode): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  const conjunction = language === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${conjunction}${last}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function pickDomains(random: SeededRandom): DemoProfessionalDomain[] {
  const count = random.weighted(DOMAIN_COUNT_WEIGHTS);
  const main = random.weighted(DOMAIN_WEIGHTS);
  const codes: ExpertiseDomainCode[] = [main];
  while (codes.length < count) {
    const related = RELATED_DOMAINS[main].filter((code) => !codes.includes(code));
    const others = DOMAIN_WEIGHTS.filter(([code]) => !codes.includes(code));
    const next =
      related.length > 0 && random.chance(0.65) ? random.pick(related) : random.weighted(others);
    codes.push(next);
  }
  const mainLevel = random.weighted(LEVEL_WEIGHTS);
  return codes.map((code, position) => {
    const level =
      position === 0 ? mainLevel : (clamp(mainLevel - random.int(0, 2), 1, 5) as ExpertiseLevel);
    const [minYears, maxYears] = YEARS_BY_LEVEL[level];
    return { code, level, years: random.int(minYears, maxYears) };
  });
}

function pickSkills(random: SeededRandom, domains: readonly DemoProfessionalDomain[]): string[] {
  const skills: string[] = [];
  domains.forEach((domain, position) => {
    const wanted = position === 0 ? random.int(3, 5) : random.int(1, 2);
    const available = SKILL_KEYWORDS[domain.code].filter((skill) => !skills.includes(skill));
    skills.push(...random.sample(available, wanted));
  });
  return skills;
}

function pickCoopExperience(
  random: SeededRandom,
  domains: readonly DemoProfessionalDomain[],
): DemoProfessional['coopExperience'] {
  // Skewed toward few years: most professionals are new to co-ops, a few are veterans; nobody has
  // worked with co-ops much longer than their career.
  const careerYears = Math.max(...domains.map((domain) => domain.years));
  const years = Math.min(30, careerYears + 5, Math.floor(31 * random.next() ** 2.2));
  if (years === 0) {
    return { years: 0, sectors: [], mandates: random.chance(0.3) ? random.int(1, 2) : 0 };
  }
  const sectorCount = clamp(1 + Math.floor(years / 9) + random.int(-1, 1), 1, 4);
  const sectors = random.weightedSample(SECTOR_WEIGHTS, sectorCount);
  const mandates = Math.max(1, Math.round(years * (1 + random.next() * 2)));
  return { years, sectors, mandates };
}

function pickName(random: SeededRandom, languages: readonly LanguageCode[]): string {
  const englishFirst = languages[0] === 'en';
  const bilingual = languages.length > 1;
  const englishFirstName = englishFirst ? random.chance(0.85) : bilingual && random.chance(0.25);
  const englishLastName = englishFirst ? random.chance(0.8) : bilingual && random.chance(0.2);
  const first = random.pick(englishFirstName ? ENGLISH_FIRST_NAMES : FRENCH_FIRST_NAMES);
  const last = random.pick(englishLastName ? ENGLISH_LAST_NAMES : FRENCH_LAST_NAMES);
  return `${first} ${last}`;
}

function costRateFor(random: SeededRandom, domain: DemoProfessionalDomain): number {
  const raw = BASE_COST_RATE[domain.code] + (domain.level - 3) * 11 + random.int(-6, 6);
  return clamp(Math.round(raw), MIN_COST_RATE, MAX_COST_RATE);
}

function buildBio(
  random: SeededRandom,
  language: LanguageCode,
  domains: readonly DemoProfessionalDomain[],
  skills: readonly string[],
  coop: DemoProfessional['coopExperience'],
): string {
  const main = domains[0]!;
  const phrases = domains.map((domain) => DOMAIN_PHRASES[domain.code][language]);
  const skillList = joinList(skills.slice(0, 2), language);
  // "other" reads badly in a sentence: name the known sectors, or say "various sectors".
  const namedSectors = coop.sectors
    .filter((sector) => sector !== 'other')
    .map((sector) => (SECTOR_LABELS.get(sector)?.[language] ?? sector).toLowerCase());
  const sectorList =
    namedSectors.length > 0
      ? joinList(namedSectors, language)
      : language === 'fr'
        ? 'divers secteurs'
        : 'various sectors';
  const otherDomains = phrases.slice(1).join(', ');
  const mainLabel = DOMAIN_LABELS.get(main.code)?.[language] ?? main.code;

  if (language === 'fr') {
    const first = random.pick([
      `Cumule ${main.years} an${main.years > 1 ? 's' : ''} d'expérience en ${phrases[0]} (compétences clés : ${skills.slice(0, 2).join(', ')}).`,
      `Intervient en ${phrases[0]}${otherDomains ? ` ainsi qu'en ${otherDomains}` : ''}, avec une pratique axée sur ${skillList}.`,
      `Spécialité : ${mainLabel.toLowerCase()}, notamment ${skillList}.`,
    ]);
    const second =
      coop.years > 0
        ? random.pick([
            `A réalisé ${coop.mandates} mandat${coop.mandates > 1 ? 's' : ''} auprès de coopératives (${sectorList}) en ${coop.years} an${coop.years > 1 ? 's' : ''}.`,
            `Connaît le milieu coopératif depuis ${coop.years} an${coop.years > 1 ? 's' : ''} (${sectorList}).`,
          ])
        : 'Découvre le milieu coopératif et ses principes au sein du consortium.';
    return `${first} ${second}`;
  }

  const first = random.pick([
    `Brings ${main.years} year${main.years === 1 ? '' : 's'} of experience in ${phrases[0]} (key skills: ${skills.slice(0, 2).join(', ')}).`,
    `Works in ${phrases[0]}${otherDomains ? ` as well as ${otherDomains}` : ''}, with a focus on ${skillList}.`,
    `Specialised in ${mainLabel.toLowerCase()}, notably ${skillList}.`,
  ]);
  const second =
    coop.years > 0
      ? random.pick([
          `Has completed ${coop.mandates} mandate${coop.mandates === 1 ? '' : 's'} for co-operatives (${sectorList}) over ${coop.years} year${coop.years === 1 ? '' : 's'}.`,
          `Has worked with co-operatives in ${sectorList} for ${coop.years} year${coop.years === 1 ? '' : 's'}.`,
        ])
      : 'New to the co-operative movement and learning its principles at the consortium.';
  return `${first} ${second}`;
}

/** Professional number `index` (from 0) of the synthetic population for `seed`. */
export function generateProfessional(index: number, seed = 42): DemoProfessional {
  const random = new SeededRandom(mixSeed(seed, index));
  const domains = pickDomains(random);
  const skills = pickSkills(random, domains);
  const languages = [...random.weighted(LANGUAGE_WEIGHTS)];
  const region = random.weighted(REGION_WEIGHTS);
  const coopExperience = pickCoopExperience(random, domains);
  const fullName = pickName(random, languages);
  const bio = buildBio(random, languages[0]!, domains, skills, coopExperience);
  return {
    fullName,
    email: `p${index}@synthetic.example`,
    domains,
    skills,
    bio,
    languages,
    region,
    coopExperience,
    weeklyCapacityHours: random.weighted(CAPACITY_WEIGHTS),
    costRate: costRateFor(random, domains[0]!),
    active: random.chance(0.97),
  };
}

/** The first `count` synthetic professionals for `seed`, lazily. */
export function* generateProfessionals(count: number, seed = 42): Generator<DemoProfessional> {
  for (let index = 0; index < count; index += 1) {
    yield generateProfessional(index, seed);
  }
}

/** Synthetic professionals `start .. start+count-1` for `seed`, for loading large populations in batches. */
export function generateProfessionalsBatch(
  start: number,
  count: number,
  seed = 42,
): DemoProfessional[] {
  const batch: DemoProfessional[] = [];
  for (let index = start; index < start + count; index += 1) {
    batch.push(generateProfessional(index, seed));
  }
  return batch;
}
