import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  CreateProfessionalRequest,
  DomainException,
  ErrorCode,
  ImportProfessionalsRequest,
  ImportProfessionalsResult,
  ListProfessionalsRequest,
  ProfessionalContactView,
  ProfessionalPage,
  ProfessionalView,
  today,
  UpdateProfessionalRequest,
} from '@coop/contracts';
import { keysetPage } from '@coop/platform';
import { CapacityLedger } from '../availability/capacity-ledger.js';
import { ProfessionalsConfig } from '../config.js';
import { inOrderOf } from '../professional/in-order-of.js';
import { ProfessionalChanges } from '../search/professional-changes.js';
import { newProfessionalColumns, NewProfessionalColumns, normalizeEmail, toContactView, toProfessionalView } from './professional-view.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';

const EMAIL_CONSTRAINT = 'professional_email_key';

@Injectable()
export class ProfessionalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ProfessionalsConfig) private readonly config: ProfessionalsConfig,
    private readonly ledger: CapacityLedger,
    private readonly changes: ProfessionalChanges,
  ) {}

  async create(request: CreateProfessionalRequest): Promise<ProfessionalView> {
    return this.withUniqueEmail(request.email, () =>
      this.dataSource.transaction(async (manager) => {
        await this.assertEmailFree(manager, request.email);
        const professional = await manager.save(manager.create(ProfessionalEntity, newProfessionalColumns(request)));
        await this.changes.record(manager, [professional.id]);
        return toProfessionalView(professional);
      }),
    );
  }

  async get(id: string): Promise<ProfessionalView> {
    return toProfessionalView(await this.find(id));
  }

  async contact(id: string): Promise<ProfessionalContactView> {
    return toContactView(await this.find(id));
  }

  async getMany(ids: string[]): Promise<ProfessionalView[]> {
    const found = await this.dataSource.getRepository(ProfessionalEntity).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
    return inOrderOf(ids, found).map(toProfessionalView);
  }

  /** Applies the given fields; a capacity decrease is refused if a current or future week would be overbooked. */
  async update(request: UpdateProfessionalRequest): Promise<ProfessionalView> {
    const { id, ...fields } = request;
    return this.withUniqueEmail(fields.email ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const professional = await this.ledger.lockToChange(manager, id);
        if (fields.email !== undefined && normalizeEmail(fields.email) !== professional.email) {
          await this.assertEmailFree(manager, fields.email);
          professional.email = normalizeEmail(fields.email);
        }
        if (fields.fullName !== undefined) professional.fullName = fields.fullName.trim();
        if (fields.domains !== undefined) professional.domains = fields.domains.map(({ code, level, years }) => ({ code, level, years }));
        if (fields.skills !== undefined) professional.skills = fields.skills;
        if (fields.bio !== undefined) professional.bio = fields.bio;
        if (fields.languages !== undefined) professional.languages = fields.languages;
        if (fields.region !== undefined) professional.region = fields.region;
        if (fields.coopExperience !== undefined) {
          professional.coopYears = fields.coopExperience.years;
          professional.coopSectors = fields.coopExperience.sectors;
          professional.coopMandates = fields.coopExperience.mandates;
        }
        if (fields.costRate !== undefined) professional.costRate = fields.costRate;
        if (fields.active !== undefined) professional.active = fields.active;
        if (fields.weeklyCapacityHours !== undefined && fields.weeklyCapacityHours !== professional.weeklyCapacityHours) {
          professional.weeklyCapacityHours = fields.weeklyCapacityHours;
          // From this week on; past weeks keep the capacity they had.
          await this.ledger.recomputeCapacities(manager, professional, `A weekly capacity of ${fields.weeklyCapacityHours} h`, today(this.config.TIME_ZONE));
        }
        const saved = await manager.save(professional);
        await this.changes.record(manager, [id]);
        return toProfessionalView(saved);
      }),
    );
  }

  async list(query: ListProfessionalsRequest): Promise<ProfessionalPage> {
    const builder = this.dataSource.getRepository(ProfessionalEntity).createQueryBuilder('p');
    if (query.domain) builder.andWhere('p.domains @> :domain::jsonb', { domain: JSON.stringify([{ code: query.domain }]) });
    if (query.language) builder.andWhere(':language = ANY(p.languages)', { language: query.language });
    if (query.region) builder.andWhere('p.region = :region', { region: query.region });
    if (query.active !== undefined) builder.andWhere('p.active = :active', { active: query.active });
    if (query.q) {
      const words = query.q.trim().split(/\s+/).slice(0, 10);
      words.forEach((word, index) => {
        // Every word must appear somewhere in the name, email, skills or bio.
        builder.andWhere(`(p.full_name || ' ' || p.email || ' ' || array_to_string(p.skills, ' ') || ' ' || p.bio) ILIKE :q${index}`, {
          [`q${index}`]: `%${escapeLike(word)}%`,
        });
      });
    }
    return keysetPage(builder, query, toProfessionalView);
  }

  /** Creates up to MAX_IMPORT_BATCH profiles in one transaction; emails already registered are skipped. */
  async import(request: ImportProfessionalsRequest): Promise<ImportProfessionalsResult> {
    const seen = new Set<string>();
    const fresh = request.professionals.filter((professional) => {
      const email = normalizeEmail(professional.email);
      if (seen.has(email)) return false;
      seen.add(email);
      return true;
    });
    return this.dataSource.transaction(async (manager) => {
      // One statement for the whole batch (TypeORM's insert builder costs more than the insert).
      const created: Array<{ id: string; email: string }> = await manager.query(
        `INSERT INTO professional (full_name, email, domains, skills, bio, languages, region, coop_years, coop_sectors, coop_mandates,
                                   weekly_capacity_hours, cost_rate, active)
         SELECT r.full_name, r.email, r.domains, ARRAY(SELECT jsonb_array_elements_text(r.skills)), r.bio,
                ARRAY(SELECT jsonb_array_elements_text(r.languages)), r.region, r.coop_years,
                ARRAY(SELECT jsonb_array_elements_text(r.coop_sectors)), r.coop_mandates, r.weekly_capacity_hours, r.cost_rate, r.active
         FROM jsonb_to_recordset($1::jsonb) AS r(full_name text, email text, domains jsonb, skills jsonb, bio text, languages jsonb, region text,
              coop_years int, coop_sectors jsonb, coop_mandates int, weekly_capacity_hours numeric, cost_rate numeric, active boolean)
         ON CONFLICT ON CONSTRAINT ${EMAIL_CONSTRAINT} DO NOTHING
         RETURNING id, email`,
        [JSON.stringify(fresh.map(newProfessionalColumns).map(toRow))],
      );
      await this.changes.record(manager, created.map((row) => row.id));
      const createdEmails = new Set(created.map((row) => row.email));
      return {
        created: created.length,
        skippedEmails: request.professionals.map((professional) => normalizeEmail(professional.email)).filter((email) => !createdEmails.has(email)),
      };
    });
  }

  private async find(id: string): Promise<ProfessionalEntity> {
    const professional = await this.dataSource.getRepository(ProfessionalEntity).findOneBy({ id });
    if (!professional) throw DomainException.notFound('Professional', id);
    return professional;
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.getRepository(ProfessionalEntity).existsBy({ email: normalizeEmail(email) })) throw emailTaken(email);
  }

  /** Two requests racing for one email: the unique constraint decides, and the loser gets the same 409. */
  private async withUniqueEmail<T>(email: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === EMAIL_CONSTRAINT) throw emailTaken(email);
      throw error;
    }
  }
}

function emailTaken(email: string): DomainException {
  return new DomainException(ErrorCode.Conflict, `A professional with email ${normalizeEmail(email)} already exists`, [
    { field: 'email', message: `email ${normalizeEmail(email)} is already taken` },
  ]);
}

/** A new profile's columns, named as in the table. */
function toRow(columns: NewProfessionalColumns): Record<string, unknown> {
  return {
    full_name: columns.fullName,
    email: columns.email,
    domains: columns.domains,
    skills: columns.skills,
    bio: columns.bio,
    languages: columns.languages,
    region: columns.region,
    coop_years: columns.coopYears,
    coop_sectors: columns.coopSectors,
    coop_mandates: columns.coopMandates,
    weekly_capacity_hours: columns.weeklyCapacityHours,
    cost_rate: columns.costRate,
    active: columns.active,
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
