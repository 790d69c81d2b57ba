import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateMemberRequest, DomainException, ListMembersRequest, MemberEvents, MemberPage, MemberView } from '@coop/contracts';
import { decodeCursor, encodeCursor, OutboxService } from '@coop/platform';
import { MemberEntity } from './member.entity.js';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class MemberService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(request: CreateMemberRequest): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.save(manager.create(MemberEntity, { ...request, autoAssign: request.autoAssign ?? false }));
      await this.outbox.record(manager, MemberEvents.registered, {
        memberId: member.id,
        name: member.name,
        sector: member.sector,
        language: member.language,
      });
      return toView(member);
    });
  }

  async get(id: string): Promise<MemberView> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw DomainException.notFound('Member', id);
    return toView(member);
  }

  async list(query: ListMembersRequest): Promise<MemberPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const builder = this.dataSource.getRepository(MemberEntity).createQueryBuilder('m').orderBy('m.created_at', 'ASC').addOrderBy('m.id', 'ASC').take(limit + 1);
    if (after) builder.where('(m.created_at, m.id) > (:at, :id)', { at: after.at, id: after.id });
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toView), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
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
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
  };
}
