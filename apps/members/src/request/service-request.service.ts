import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
  termsOf,
  today,
  transition,
} from '@coop/contracts';
import { OutboxService, Transactions } from '@coop/platform';
import { MembersConfig } from '../config.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { MemberEntity } from '../member/member.entity.js';
import type { RequestHistoryEntity } from './request-history.entity.js';
import { windowProblems } from './request-window.js';
import { ServiceRequestRepository } from './service-request.repository.js';
import { toHistoryEntry, toView } from './service-request.view.js';

type NewRequest = Omit<SubmitServiceRequestCommand, 'idempotency'>;

/**
 * Service requests as members see them. A `memberId` in a read or a cancel is the caller's scope
 * (a partner's member): another member's request is then `not_found`, like one that does not exist.
 */
@Injectable()
export class ServiceRequestService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ServiceRequestRepository,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    @Inject(MembersConfig) private readonly config: MembersConfig,
  ) {}

  async submit({ idempotency, ...request }: SubmitServiceRequestCommand): Promise<SubmissionResult> {
    return this.transactions.run(async (manager) => {
      const outcome = await this.idempotency.run(manager, idempotency, request, () => this.create(manager, request));
      return { ...outcome.response, replayed: outcome.replayed };
    });
  }

  async get(scope: ServiceRequestIdRequest): Promise<ServiceRequestView> {
    const request = await this.requests.find(scope);
    if (!request) throw DomainException.notFound('Service request', scope.id);
    return toView(request);
  }

  /** The request's steps, oldest first; scoped like `get` (another member's request is not found). */
  async history(scope: ServiceRequestIdRequest): Promise<RequestHistoryView> {
    const request = await this.get(scope);
    const entries = await this.requests.history(request.id);
    // A coordinator's reason for an assignment is their own note: a partner (scoped call) does not see it.
    const shown = scope.memberId ? entries.map((entry) => (entry.type === 'assigned' ? withoutReason(entry) : entry)) : entries;
    return { requestId: request.id, entries: shown.map(toHistoryEntry) };
  }

  list(query: ListServiceRequestsRequest): Promise<ServiceRequestPage> {
    return this.requests.page(query);
  }

  async cancel({ id, memberId, reason }: CancelServiceRequestCommand): Promise<ServiceRequestView> {
    return this.transactions.run(async (manager) => {
      const request = await this.requests.lock(manager, { id, memberId });
      if (!request) throw DomainException.notFound('Service request', id);
      const next = transition(request, { kind: 'cancelled' });
      if ('unchanged' in next) {
        if (next.unchanged === 'repeat') return toView(request);
        throw new DomainException(ErrorCode.InvalidStateTransition, `Service request ${id} is ${request.status} and cannot be cancelled`);
      }
      request.status = next.to;
      request.statusReason = reason ?? null;
      const saved = await this.requests.save(manager, request, { type: 'cancelled', details: reason ? { reason } : {} });
      await this.outbox.record(manager, RequestEvents.cancelled, { requestId: id, memberId: request.memberId, ...(reason ? { reason } : {}) });
      return toView(saved);
    });
  }

  private async create(manager: EntityManager, request: NewRequest): Promise<SubmissionAccepted> {
    const member = await this.requests.lockMember(manager, request.memberId);
    if (!member) throw DomainException.notFound('Member', request.memberId);
    const problems = windowProblems(request, formatDay(today(this.config.TIME_ZONE)));
    if (problems.length > 0) throw DomainException.validation(problems);
    const entity = await this.requests.insert(manager, {
      memberId: member.id,
      ...resolvedTerms(request, member),
      autoAssignOverride: request.autoAssign ?? null,
      status: 'submitted',
    });
    await this.outbox.record(manager, RequestEvents.submitted, {
      requestId: entity.id,
      memberId: entity.memberId,
      ...termsOf(entity),
      autoAssignSplit: member.autoAssignSplit,
      submittedAt: entity.createdAt.toISOString(),
      memberSector: member.sector,
    });
    return { id: entity.id, status: entity.status };
  }
}

/** The request's terms: what was sent, and the member's defaults for what was not. */
function resolvedTerms(request: NewRequest, member: MemberEntity) {
  return termsOf({
    ...request,
    language: request.language ?? member.language,
    region: request.region ?? member.region,
    onSite: request.onSite ?? false,
    urgency: request.urgency ?? 'normal',
    autoAssign: request.autoAssign ?? member.autoAssign,
  });
}

function withoutReason(entry: RequestHistoryEntity): RequestHistoryEntity {
  const { reason: _coordinatorNote, ...details } = entry.details;
  return { ...entry, details };
}
