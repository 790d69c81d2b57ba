import type { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, isOpen } from '@coop/contracts';
import type { MatchRequestEntity } from './match-request.entity.js';
import type { MatchRequestRepository } from './match-request.repository.js';

/** The request a coordinator acts on: 404 when unknown, 409 once completed or cancelled; `lock` takes its row for the transaction. */
export async function openRequest(requests: MatchRequestRepository, manager: EntityManager, requestId: string, lock = false): Promise<MatchRequestEntity> {
  const request = await requests.find(manager, requestId, { lock });
  if (!request) throw DomainException.notFound('Request', requestId);
  if (!isOpen(request.status)) throw new DomainException(ErrorCode.InvalidStateTransition, `The request is ${request.status}`);
  return request;
}
