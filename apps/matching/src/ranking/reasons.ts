import { COOP_SECTORS, EXPERTISE_DOMAINS, LanguageCode } from '@coop/contracts';
import { MatchContext } from './candidate-facts.js';
import { ExclusionReason } from './hard-constraints.js';
import { ScoredCandidate } from './rank.js';
import { FactorName, RANKING_WEIGHTS } from './ranking-weights.js';

const MAX_REASONS = 4;
// A factor is worth naming when it is at least this strong.
const NOTABLE = 0.5;

type Phrase = (candidate: ScoredCandidate, context: MatchContext) => string | undefined;

/** Hours as the reasons write them: `24 h`, `12.5 h`. */
export const formatHours = (value: number): string => `${Math.round(value * 10) / 10} h`;
const domainLabel = (code: string, lang: LanguageCode) => EXPERTISE_DOMAINS.find((d) => d.code === code)?.labels[lang] ?? code;
const sectorLabel = (code: string | undefined, lang: LanguageCode) => COOP_SECTORS.find((s) => s.code === code)?.labels[lang] ?? code ?? '';
const domainOf = (c: ScoredCandidate, ctx: MatchContext) => c.facts.domains.find((d) => d.code === ctx.domain);

/** One sentence per factor, in each language; `undefined` when there is nothing worth saying. */
const PHRASES: Record<LanguageCode, Record<FactorName, Phrase>> = {
  fr: {
    domainExpertise: (c, ctx) => {
      const d = domainOf(c, ctx);
      return d && `Niveau ${d.level}/5 en ${domainLabel(ctx.domain, 'fr').toLowerCase()}, ${d.years} an${d.years > 1 ? 's' : ''} d’expérience`;
    },
    sectorExperience: (_c, ctx) => `A déjà travaillé dans le secteur ${sectorLabel(ctx.memberSector, 'fr').toLowerCase()}`,
    coopExperience: (c) => `${c.facts.coopExperience.years} ans d’expérience coopérative, ${c.facts.coopExperience.mandates} mandats`,
    continuity: (c) => `A déjà réalisé ${c.facts.pastAssignmentsWithMember} mandat(s) pour ce membre`,
    availability: (c, ctx) => `${formatHours(c.facts.availability.freeHours)} libres sur la période pour ${formatHours(ctx.estimatedHours)} demandées`,
    workloadBalance: (c) => `Charge actuelle légère (${formatHours(c.facts.availability.bookedHours)} réservées sur la période)`,
    regionFit: (_c, ctx) => (ctx.onSite ? `Dans la région du mandat (${ctx.region})` : undefined),
    textRelevance: () => 'Compétences et profil proches de la description',
    urgency: (_c, ctx) => (ctx.urgency === 'high' || ctx.urgency === 'critical' ? 'Disponible dès la première semaine' : undefined),
  },
  en: {
    domainExpertise: (c, ctx) => {
      const d = domainOf(c, ctx);
      return d && `Level ${d.level}/5 in ${domainLabel(ctx.domain, 'en').toLowerCase()}, ${d.years} year${d.years === 1 ? '' : 's'} of experience`;
    },
    sectorExperience: (_c, ctx) => `Has worked in the ${sectorLabel(ctx.memberSector, 'en').toLowerCase()} sector`,
    coopExperience: (c) => `${c.facts.coopExperience.years} years of co-op experience, ${c.facts.coopExperience.mandates} mandates`,
    continuity: (c) => `Has already done ${c.facts.pastAssignmentsWithMember} assignment(s) for this member`,
    availability: (c, ctx) => `${formatHours(c.facts.availability.freeHours)} free over the window for ${formatHours(ctx.estimatedHours)} requested`,
    workloadBalance: (c) => `Light current workload (${formatHours(c.facts.availability.bookedHours)} booked over the window)`,
    regionFit: (_c, ctx) => (ctx.onSite ? `In the region of the work (${ctx.region})` : undefined),
    textRelevance: () => 'Skills and profile close to the description',
    urgency: (_c, ctx) => (ctx.urgency === 'high' || ctx.urgency === 'critical' ? 'Free from the first week' : undefined),
  },
};

const SHORTFALL: Record<LanguageCode, Record<'time_off' | 'capacity', (c: ScoredCandidate, ctx: MatchContext) => string>> = {
  fr: {
    time_off: (c, ctx) => `Partiellement disponible : un congé laisse ${formatHours(c.facts.availability.freeHours)} sur ${formatHours(ctx.estimatedHours)}`,
    capacity: (c, ctx) => `Partiellement disponible : ${formatHours(c.facts.availability.freeHours)} libres sur ${formatHours(ctx.estimatedHours)}`,
  },
  en: {
    time_off: (c, ctx) => `Partially available: time off leaves ${formatHours(c.facts.availability.freeHours)} of ${formatHours(ctx.estimatedHours)}`,
    capacity: (c, ctx) => `Partially available: ${formatHours(c.facts.availability.freeHours)} free of ${formatHours(ctx.estimatedHours)}`,
  },
};

const EXCLUSIONS: Record<LanguageCode, Record<ExclusionReason, string>> = {
  fr: {
    inactive: 'Profil inactif',
    missing_domain: 'N’a pas ce domaine d’expertise',
    language: 'Ne parle pas la langue de la demande',
    declined: 'A décliné cette demande',
  },
  en: {
    inactive: 'Inactive profile',
    missing_domain: 'Does not have this domain of expertise',
    language: 'Does not speak the language of the request',
    declined: 'Declined this request',
  },
};

/**
 * The deciding factors of a rank, strongest contribution first, in the caller's language. A
 * partially available candidate says so first.
 */
export function explainCandidate(candidate: ScoredCandidate, context: MatchContext, lang: LanguageCode): string[] {
  const phrases = PHRASES[lang];
  const notable = (Object.keys(RANKING_WEIGHTS) as FactorName[])
    .filter((name) => candidate.factors[name] >= NOTABLE && name !== 'availability')
    .sort((a, b) => RANKING_WEIGHTS[b] * candidate.factors[b] - RANKING_WEIGHTS[a] * candidate.factors[a] || (a < b ? -1 : 1))
    .map((name) => phrases[name](candidate, context))
    .filter((text): text is string => !!text);
  const availability = candidate.shortfall
    ? SHORTFALL[lang][candidate.shortfall](candidate, context)
    : phrases.availability(candidate, context)!;
  return candidate.shortfall ? [availability, ...notable].slice(0, MAX_REASONS) : [...notable.slice(0, MAX_REASONS - 1), availability];
}

export function explainExclusion(reasons: readonly ExclusionReason[], lang: LanguageCode): string[] {
  return reasons.map((reason) => EXCLUSIONS[lang][reason]);
}
