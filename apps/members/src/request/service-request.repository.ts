import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ListServiceRequestsRequest, RequestHistoryType, ServiceRequestPage } from '@coop/contracts';
import { keysetPage } from '@coop/platform';
import { MemberEntity } from '../member/member.entity.js';
import { RequestHistoryDetails, RequestHistoryEntity } from './request-history.entity.js';
import { ServiceRequestEntity } from './service-request.entity.js';
import { toView } from './service-request.view.js';

/** A request by id, within a member's requests when `memberId` is set (a partner's scope). */
export interface RequestScope {
  id: string;
  memberId?: string;
}

export type NewServiceRequest = Omit<ServiceRequestEntity, 'id' | 'member' | 'statusReason' | 'assignmentId' | 'professionalId' | 'assignedHours' | 'estimatedCost' | 'assignedAutomatically' | 'shareId' | 'assignmentParts' | 'createdAt' | 'updatedAt'>;

/** The tables of service requests and their history (queries only; the rules are the services'). */
@Injectable()
export class ServiceRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(scope: RequestScope): Promise<ServiceRequestEntity | null> {
    return this.dataSource.getRepository(ServiceRequestEntity).findOneBy(where(scope));
  }

  /** The request, locked for the rest of the transaction. */
  lock(manager: EntityManager, scope: RequestScope): Promise<ServiceRequestEntity | null> {
    return manager.findOne(ServiceRequestEntity, { where: where(scope), lock: { mode: 'pessimistic_write' } });
  }

  /** The member, locked FOR SHARE: the policy applied to a new request is the one committed with it. */
  lockMember(manager: EntityManager, memberId: string): Promise<MemberEntity | null> {
    return manager.findOne(MemberEntity, { where: { id: memberId }, lock: { mode: 'pessimistic_read' } });
  }

  insert(manager: EntityManager, request: NewServiceRequest): Promise<ServiceRequestEntity> {
    return manager.save(manager.create(ServiceRequestEntity, request));
  }

  save(manager: EntityManager, request: ServiceRequestEntity): Promise<ServiceRequestEntity> {
    return manager.save(request);
  }

  /** Newest first, keyset-paginated. */
  page(query: ListServiceRequestsRequest): Promise<ServiceRequestPage> {
    const builder = this.dataSource.getRepository(ServiceRequestEntity).createQueryBuilder('r');
    if (query.memberId) builder.andWhere('r.member_id = :memberId', { memberId: query.memberId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.domain) builder.andWhere('r.domain = :domain', { domain: query.domain });
    return keysetPage(builder, query, toView, 'DESC');
  }

  /** The request's steps, oldest first. */
  history(requestId: string): Promise<RequestHistoryEntity[]> {
    return this.dataSource.getRepository(RequestHistoryEntity).find({ where: { requestId }, order: { sequence: 'ASC' } });
  }

  /** Adds a step to the request's history, in the transaction that changes its status. */
  async recordHistory(manager: EntityManager, request: ServiceRequestEntity, type: RequestHistoryType, details: RequestHistoryDetails, occurredAt: Date): Promise<void> {
    await manager.insert(RequestHistoryEntity, { requestId: request.id, type, status: request.status, occurredAt, details });
  }

  /** Whether a later assignment replaced this one (an override): its own events, arriving late, are stale. */
  wasReplaced(manager: EntityManager, requestId: string, assignmentId: string): Promise<boolean> {
    return manager
      .createQueryBuilder(RequestHistoryEntity, 'h')
      .where('h.request_id = :requestId', { requestId })
      .andWhere(`h.details ->> 'replacesAssignmentId' = :assignmentId`, { assignmentId })
      .getExists();
  }
}

function where({ id, memberId }: RequestScope): { id: string; memberId?: string } {
  return { id, ...(memberId ? { memberId } : {}) };
}
