import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CancelServiceRequestCommand,
  DomainException,
  ErrorCode,
  ListServiceRequestsRequest,
  RequestEvents,
  RequestHistoryView,
  ServiceRequestIdRequest,
  ServiceRequestPage,
  ServiceRequestView,
  SubmissionAccepted,
  SubmissionResult,
  SubmitServiceRequestCommand,
  formatDay,
  today,
} from '@coop/contracts';
import { keysetPage, OutboxService } from '@coop/platform';
import { MembersConfig } from '../config.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { MemberEntity } from '../member/member.entity.js';
import { RequestHistoryEntity } from './request-history.entity.js';
import { recordHistory, toHistoryEntry } from './request-history.js';
import { transition } from './request-lifecycle.js';
import { windowProblems } from './request-window.js';
import { ServiceRequestEntity } from './service-request.entity.js';

type NewRequest = Omit<SubmitServiceRequestCommand, 'idempotency'>;

/**
 * Service requests as members see them. A `memberId` in a read or a cancel is the caller's scope
 * (a partner's member): another member's request is then `not_found`, like one that does not exist.
 */
@Injectable()
export class ServiceRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    @Inject(MembersConfig) private readonly config: MembersConfig,
  ) {}

  async submit({ idempotency, ...request }: SubmitServiceRequestCommand): Promise<SubmissionResult> {
    return this.dataSource.transaction(async (manager) => {
      const outcome = await this.idempotency.run(manager, idempotency, request, () => this.create(manager, request));
      return { ...outcome.response, replayed: outcome.replayed };
    });
  }

  async get({ id, memberId }: ServiceRequestIdRequest): Promise<ServiceRequestView> {
    const request = await this.dataSource.getRepository(ServiceRequestEntity).findOneBy({ id, ...(memberId ? { memberId } : {}) });
    if (!request) throw DomainException.notFound('Service request', id);
    return toView(request);
  }

  /** The request's steps, oldest first; scoped like `get` (another member's request is not found). */
  async history(scope: ServiceRequestIdRequest): Promise<RequestHistoryView> {
    const request = await this.get(scope);
    const entries = await this.dataSource.getRepository(RequestHistoryEntity).find({ where: { requestId: request.id }, order: { sequence: 'ASC' } });
    // A coordinator's reason for an assignment is their own note: a partner (scoped call) does not see it.
    const shown = scope.memberId ? entries.map((entry) => (entry.type === 'assigned' ? withoutReason(entry) : entry)) : entries;
    return { requestId: request.id, entries: shown.map(toHistoryEntry) };
  }

  list(query: ListServiceRequestsRequest): Promise<ServiceRequestPage> {
    const builder = this.dataSource.getRepository(ServiceRequestEntity).createQueryBuilder('r');
    if (query.memberId) builder.andWhere('r.member_id = :memberId', { memberId: query.memberId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.domain) builder.andWhere('r.domain = :domain', { domain: query.domain });
    return keysetPage(builder, query, toView, 'DESC');
  }

  async cancel({ id, memberId, reason }: CancelServiceRequestCommand): Promise<ServiceRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ServiceRequestEntity, {
        where: { id, ...(memberId ? { memberId } : {}) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw DomainException.notFound('Service request', id);
      const next = transition(request, { kind: 'cancelled' });
      if ('unchanged' in next) {
        if (next.unchanged === 'repeat') return toView(request);
        throw new DomainException(ErrorCode.InvalidStateTransition, `Service request ${id} is ${request.status} and cannot be cancelled`);
      }
      request.status = next.to;
      request.statusReason = reason ?? null;
      const saved = await manager.save(request);
      await recordHistory(manager, saved, 'cancelled', reason ? { reason } : {}, saved.updatedAt);
      await this.outbox.record(manager, RequestEvents.cancelled, { requestId: id, memberId: request.memberId, ...(reason ? { reason } : {}) });
      return toView(saved);
    });
  }

  private async create(manager: EntityManager, request: NewRequest): Promise<SubmissionAccepted> {
    // FOR SHARE: the member's policy applied here is the one committed with the request.
    const member = await manager.findOne(MemberEntity, { where: { id: request.memberId }, lock: { mode: 'pessimistic_read' } });
    if (!member) throw DomainException.notFound('Member', request.memberId);
    const problems = windowProblems(request, formatDay(today(this.config.TIME_ZONE)));
    if (problems.length > 0) throw DomainException.validation(problems);
    const entity = await manager.save(
      manager.create(ServiceRequestEntity, {
        memberId: member.id,
        domain: request.domain,
        title: request.title,
        description: request.description,
        startDate: request.startDate,
        endDate: request.endDate,
        estimatedHours: request.estimatedHours,
        language: request.language ?? member.language,
        region: request.region ?? member.region,
        onSite: request.onSite ?? false,
        urgency: request.urgency ?? 'normal',
        autoAssignOverride: request.autoAssign ?? null,
        autoAssign: request.autoAssign ?? member.autoAssign,
        status: 'submitted',
      }),
    );
    await recordHistory(manager, entity, 'submitted', {}, entity.createdAt);
    await this.outbox.record(manager, RequestEvents.submitted, {
      requestId: entity.id,
      memberId: entity.memberId,
      domain: entity.domain,
      title: entity.title,
      description: entity.description,
      startDate: entity.startDate,
      endDate: entity.endDate,
      estimatedHours: entity.estimatedHours,
      language: entity.language,
      region: entity.region,
      onSite: entity.onSite,
      urgency: entity.urgency,
      autoAssign: entity.autoAssign,
      autoAssignSplit: member.autoAssignSplit,
      submittedAt: entity.createdAt.toISOString(),
      memberSector: member.sector,
    });
    return { id: entity.id, status: entity.status };
  }
}

function withoutReason(entry: RequestHistoryEntity): RequestHistoryEntity {
  const { reason: _coordinatorNote, ...details } = entry.details;
  return { ...entry, details };
}

export function toView(request: ServiceRequestEntity): ServiceRequestView {
  return {
    id: request.id,
    memberId: request.memberId,
    domain: request.domain,
    title: request.title,
    description: request.description,
    startDate: request.startDate,
    endDate: request.endDate,
    estimatedHours: request.estimatedHours,
    language: request.language,
    region: request.region,
    onSite: request.onSite,
    urgency: request.urgency,
    autoAssignOverride: request.autoAssignOverride,
    autoAssign: request.autoAssign,
    status: request.status,
    statusReason: request.statusReason,
    assignment: request.assignmentId
      ? {
          id: request.assignmentId,
          professionalId: request.professionalId!,
          hours: request.assignedHours!,
          estimatedCost: request.estimatedCost!,
          automatic: request.assignedAutomatically!,
          ...(request.shareId && request.assignmentParts ? { shareId: request.shareId, parts: request.assignmentParts } : {}),
        }
      : null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}
