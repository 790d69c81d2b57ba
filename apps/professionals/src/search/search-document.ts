import { Day, EXPERTISE_DOMAINS, formatDay, freeHoursField, ProfessionalSearchDocument, profileKeywords, profileScore, SEARCH_HORIZON_WEEKS, toHours } from '@coop/contracts';
import { ProfessionalCalendar } from '../calendar/professional-calendar.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';

const DOMAIN_LABELS = new Map(EXPERTISE_DOMAINS.map((domain) => [domain.code, domain.labels]));

/** The last day of the horizon that starts on `horizonStart` (a Monday). */
export function horizonEnd(horizonStart: Day): Day {
  return horizonStart + SEARCH_HORIZON_WEEKS * 7 - 1;
}

/** A professional as the index holds it, with free hours for each week of the horizon. */
export function toSearchDocument(professional: ProfessionalEntity, calendar: ProfessionalCalendar, horizonStart: Day): ProfessionalSearchDocument {
  const freeHours: Record<string, number> = {};
  let total = 0;
  for (let week = 0; week < SEARCH_HORIZON_WEEKS; week += 1) {
    const monday = horizonStart + week * 7;
    const free = calendar.week(monday).free;
    freeHours[freeHoursField(monday)] = toHours(free);
    total += free;
  }
  // The domains' French and English labels: their keywords count as skills'.
  const domainLabels = professional.domains.flatMap((domain) => {
    const labels = DOMAIN_LABELS.get(domain.code);
    return labels ? [labels.fr, labels.en] : [];
  });
  return {
    id: professional.id,
    fullName: professional.fullName,
    ...profileKeywords({ skills: professional.skills, domainLabels, bio: professional.bio }),
    domains: professional.domains.map((domain) => domain.code),
    domainLevels: Object.fromEntries(professional.domains.map((domain) => [domain.code, domain.level])),
    domainYears: Object.fromEntries(professional.domains.map((domain) => [domain.code, domain.years])),
    profileScores: Object.fromEntries(
      professional.domains.map((domain) => [domain.code, profileScore(domain, { years: professional.coopYears, mandates: professional.coopMandates })]),
    ),
    languages: professional.languages,
    region: professional.region,
    coopSectors: professional.coopSectors,
    coopYears: professional.coopYears,
    coopMandates: professional.coopMandates,
    weeklyCapacityHours: professional.weeklyCapacityHours,
    costRate: professional.costRate,
    active: professional.active,
    horizonStart: formatDay(horizonStart),
    freeHours,
    freeHoursTotal: toHours(total),
  };
}
