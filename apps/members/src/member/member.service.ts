import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateMemberRequest, DomainException, ListMembersRequest, MemberEvents, MemberPage, MemberView, UpdateMemberRequest } from '@coop/contracts';
import { keysetPage, OutboxService } from '@coop/platform';
import { MemberEntity } from './member.entity.js';

@Injectable()
export class MemberService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(request: CreateMemberRequest): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.save(manager.create(MemberEntity, { ...request, autoAssign: request.autoAssign ?? false, autoAssignSplit: request.autoAssignSplit ?? false }));
      await this.outbox.record(manager, MemberEvents.registered, {
        memberId: member.id,
        name: member.name,
        sector: member.sector,
        language: member.language,
      });
      return toView(member);
    });
  }

  async update({ id, ...changes }: UpdateMemberRequest): Promise<MemberView> {
    // A PATCH field is optional, but null would erase a required value.
    const nulls = Object.entries(changes).filter(([, value]) => value === null);
    if (nulls.length > 0) {
      throw DomainException.validation(nulls.map(([field]) => ({ field, message: `${field} cannot be null`, constraint: 'isNotNull' })));
    }
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<MemberEntity>;
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(MemberEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw DomainException.notFound('Member', id);
      if (Object.keys(given).length === 0) return toView(member);
      const saved = await manager.save(Object.assign(member, given));
      await this.outbox.record(manager, MemberEvents.updated, {
        memberId: saved.id,
        name: saved.name,
        sector: saved.sector,
        language: saved.language,
        region: saved.region,
        contactEmail: saved.contactEmail,
        autoAssign: saved.autoAssign,
        autoAssignSplit: saved.autoAssignSplit,
      });
      return toView(saved);
    });
  }

  async get(id: string): Promise<MemberView> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw DomainException.notFound('Member', id);
    return toView(member);
  }

  list(query: ListMembersRequest): Promise<MemberPage> {
    return keysetPage(this.dataSource.getRepository(MemberEntity).createQueryBuilder('m'), query, toView);
  }
}

function toView(member: MemberEntity): MemberView {
  return {
    id: member.id,
    name: member.name,
    sector: member.sector,
    language: member.language,
    region: member.region,
    contactEmail: member.contactEmail,
    autoAssign: member.autoAssign,
    autoAssignSplit: member.autoAssignSplit,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
  };
}
