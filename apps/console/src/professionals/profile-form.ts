import type { Schemas } from '../api/client';
import { compact, list, numberOrText, text } from '../ui/form';

export type Professional = Schemas['ProfessionalView'];
export type NewProfessional = Schemas['CreateProfessionalRequest'];

export interface DomainRow {
  code: string;
  level: string;
  years: string;
}

export interface ProfileFormValues {
  fullName: string;
  email: string;
  domains: DomainRow[];
  skills: string;
  bio: string;
  languages: string[];
  region: string;
  coopYears: string;
  coopSectors: string[];
  coopMandates: string;
  weeklyCapacityHours: string;
  costRate: string;
  active: boolean;
}

export const EMPTY_PROFILE: ProfileFormValues = {
  fullName: '',
  email: '',
  domains: [{ code: '', level: '3', years: '' }],
  skills: '',
  bio: '',
  languages: ['fr'],
  region: '',
  coopYears: '0',
  coopSectors: [],
  coopMandates: '0',
  weeklyCapacityHours: '35',
  costRate: '',
  active: true,
};

export function profileValues(professional: Professional): ProfileFormValues {
  return {
    fullName: professional.fullName,
    email: professional.email,
    domains: professional.domains.map((domain) => ({ code: domain.code, level: String(domain.level), years: String(domain.years) })),
    skills: professional.skills.join(', '),
    bio: professional.bio,
    languages: [...professional.languages],
    region: professional.region,
    coopYears: String(professional.coopExperience.years),
    coopSectors: [...professional.coopExperience.sectors],
    coopMandates: String(professional.coopExperience.mandates),
    weeklyCapacityHours: String(professional.weeklyCapacityHours),
    costRate: String(professional.costRate),
    active: professional.active,
  };
}

/** The profile as the API takes it (create, or PATCH with every field); the API judges each value. */
export function profileBody(values: ProfileFormValues): NewProfessional {
  return compact({
    fullName: text(values.fullName),
    email: text(values.email),
    domains: values.domains
      .filter((row) => row.code !== '' || row.years.trim() !== '')
      .map((row) => ({ code: row.code, level: numberOrText(row.level), years: numberOrText(row.years) })),
    skills: list(values.skills),
    bio: values.bio.trim(),
    languages: values.languages,
    region: text(values.region),
    coopExperience: { years: numberOrText(values.coopYears), sectors: values.coopSectors, mandates: numberOrText(values.coopMandates) },
    weeklyCapacityHours: numberOrText(values.weeklyCapacityHours),
    costRate: numberOrText(values.costRate),
    active: values.active,
  }) as NewProfessional;
}
