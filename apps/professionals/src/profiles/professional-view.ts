import type { CreateProfessionalRequest, ProfessionalContactView, ProfessionalView } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';

export function toProfessionalView(professional: ProfessionalEntity): ProfessionalView {
  return {
    id: professional.id,
    fullName: professional.fullName,
    email: professional.email,
    domains: professional.domains.map(({ code, level, years }) => ({ code, level, years })),
    skills: professional.skills,
    bio: professional.bio,
    languages: professional.languages,
    region: professional.region,
    coopExperience: { years: professional.coopYears, sectors: professional.coopSectors, mandates: professional.coopMandates },
    weeklyCapacityHours: professional.weeklyCapacityHours,
    costRate: professional.costRate,
    active: professional.active,
    createdAt: professional.createdAt.toISOString(),
    updatedAt: professional.updatedAt.toISOString(),
  };
}

export function toContactView(professional: ProfessionalEntity): ProfessionalContactView {
  return { id: professional.id, fullName: professional.fullName, email: professional.email, languages: professional.languages, active: professional.active };
}

/** The columns of a new profile, with the defaults of the optional fields. */
export type NewProfessionalColumns = Omit<ProfessionalEntity, 'id' | 'createdAt' | 'updatedAt'>;

export function newProfessionalColumns(request: CreateProfessionalRequest): NewProfessionalColumns {
  return {
    fullName: request.fullName.trim(),
    email: normalizeEmail(request.email),
    domains: request.domains.map(({ code, level, years }) => ({ code, level, years })),
    skills: request.skills ?? [],
    bio: request.bio ?? '',
    languages: request.languages,
    region: request.region,
    coopYears: request.coopExperience?.years ?? 0,
    coopSectors: request.coopExperience?.sectors ?? [],
    coopMandates: request.coopExperience?.mandates ?? 0,
    weeklyCapacityHours: request.weeklyCapacityHours,
    costRate: request.costRate,
    active: request.active ?? true,
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
