import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ListServiceRequestsRequest, RequestHistoryType, ServiceRequestPage } from '@coop/contracts';
import { entityInsert, entitySelect, keysetPage, queryRows } from '@coop/platform';
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

  // The statements of submission and of every status change are written in SQL (see entity-sql.ts).

  /** The request, locked for the rest of the transaction. */
  async lock(manager: EntityManager, { id, memberId }: RequestScope): Promise<ServiceRequestEntity | null> {
    const [row] = await manager.query<ServiceRequestEntity[]>(
      `SELECT ${entitySelect(manager, ServiceRequestEntity)} FROM service_request WHERE id = $1 AND member_id = coalesce($2, member_id) FOR UPDATE`,
      [id, memberId ?? null],
    );
    return row ?? null;
  }

  /** The member, locked FOR SHARE: the policy applied to a new request is the one committed with it. */
  async lockMember(manager: EntityManager, memberId: string): Promise<MemberEntity | null> {
    const [row] = await manager.query<MemberEntity[]>(`SELECT ${entitySelect(manager, MemberEntity)} FROM member WHERE id = $1 FOR SHARE`, [memberId]);
    return row ?? null;
  }

  async insert(manager: EntityManager, request: NewServiceRequest): Promise<ServiceRequestEntity> {
    const { text, values } = entityInsert(manager, ServiceRequestEntity, request, `RETURNING ${entitySelect(manager, ServiceRequestEntity)}`);
    const [row] = await manager.query<ServiceRequestEntity[]>(text, values);
    return row;
  }

  /** Writes where the request stands (status, reason, assignment); its terms never change. */
  async save(manager: EntityManager, request: ServiceRequestEntity): Promise<ServiceRequestEntity> {
    const [{ updatedAt }] = await queryRows<{ updatedAt: Date }>(
      manager,
      `UPDATE service_request SET status = $2, status_reason = $3, assignment_id = $4, professional_id = $5, assigned_hours = $6, estimated_cost = $7,
         assigned_automatically = $8, share_id = $9, assignment_parts = $10, updated_at = now() WHERE id = $1 RETURNING updated_at AS "updatedAt"`,
      [
        request.id,
        request.status,
        request.statusReason,
        request.assignmentId,
        request.professionalId,
        request.assignedHours,
        request.estimatedCost,
        request.assignedAutomatically,
        request.shareId,
        request.assignmentParts === null ? null : JSON.stringify(request.assignmentParts),
      ],
    );
    return { ...request, updatedAt };
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
    await manager.query('INSERT INTO service_request_history (request_id, type, status, occurred_at, details) VALUES ($1, $2, $3, $4, $5)', [
      request.id,
      type,
      request.status,
      occurredAt,
      JSON.stringify(details),
    ]);
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
