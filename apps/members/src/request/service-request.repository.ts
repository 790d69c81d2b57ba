import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ListServiceRequestsRequest, RequestHistoryType, ServiceRequestPage } from '@coop/contracts';
import { entityInsert, entitySelect, keysetPage } from '@coop/platform';
import { MemberEntity } from '../member/member.entity.js';
import { RequestHistoryDetails, RequestHistoryEntity } from './request-history.entity.js';
import { ServiceRequestEntity } from './service-request.entity.js';
import { toView } from './service-request.view.js';

/** A request by id, within a member's requests when `memberId` is set (a partner's scope). */
export interface RequestScope {
  id: string;
  memberId?: string;
}

/** A step of a request's history, written with the change it records. */
export interface HistoryStep {
  type: RequestHistoryType;
  details: RequestHistoryDetails;
  /** When it happened (an event's time); by default when the change is written. */
  occurredAt?: Date;
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

  /** Inserts the request with its first history step (`submitted`, at its creation), in one statement. */
  async insert(manager: EntityManager, request: NewServiceRequest): Promise<ServiceRequestEntity> {
    const { text, values } = entityInsert(manager, ServiceRequestEntity, request, 'RETURNING *');
    const [row] = await manager.query<ServiceRequestEntity[]>(
      `WITH created AS (${text}),
         step AS (INSERT INTO service_request_history (request_id, type, status, occurred_at, details) SELECT id, 'submitted', status, created_at, '{}' FROM created)
       SELECT ${entitySelect(manager, ServiceRequestEntity)} FROM created`,
      values,
    );
    return row;
  }

  /**
   * Writes where the request stands (status, reason, assignment; its terms never change) and the
   * step of its history that says why, in one statement: the history never disagrees with the
   * status. The step occurs at `step.occurredAt`, or when the change is written.
   */
  async save(manager: EntityManager, request: ServiceRequestEntity, step: HistoryStep): Promise<ServiceRequestEntity> {
    const [{ updatedAt }] = await manager.query<Array<{ updatedAt: Date }>>(
      `WITH saved AS (
         UPDATE service_request SET status = $2, status_reason = $3, assignment_id = $4, professional_id = $5, assigned_hours = $6, estimated_cost = $7,
           assigned_automatically = $8, share_id = $9, assignment_parts = $10, updated_at = now() WHERE id = $1 RETURNING id, status, updated_at),
         step AS (INSERT INTO service_request_history (request_id, type, status, occurred_at, details) SELECT id, $11, status, coalesce($12::timestamptz, updated_at), $13 FROM saved)
       SELECT updated_at AS "updatedAt" FROM saved`,
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
        step.type,
        step.occurredAt ?? null,
        JSON.stringify(step.details),
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
