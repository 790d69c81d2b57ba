import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type MatchListView, type RequestStatus, type RequestSubmittedEvent, termsOf } from '@coop/contracts';
import { entityInsert, entitySelect, type Statement, statementWith } from '@coop/platform';
import { MatchRequestEntity } from './match-request.entity.js';

/** Matching's copies of requests (queries only). */
@Injectable()
export class MatchRequestRepository {
  // Written in SQL: these run for every request matched (see entity-sql.ts in @coop/platform).

  /**
   * Keeps a copy of a submitted request, waiting for matching: the copy, locked by this transaction,
   * or null when it was kept already (a redelivered submission changes nothing).
   */
  async insertSubmitted(manager: EntityManager, event: RequestSubmittedEvent & { memberSector: MatchRequestEntity['memberSector'] }): Promise<MatchRequestEntity | null> {
    const copy = {
      id: event.requestId,
      memberId: event.memberId,
      memberSector: event.memberSector,
      ...termsOf(event),
      region: event.region ?? null,
      autoAssignSplit: event.autoAssignSplit ?? false,
      status: 'submitted',
      submittedAt: new Date(event.submittedAt),
    };
    const { text, values } = entityInsert(manager, MatchRequestEntity, copy, `ON CONFLICT (id) DO NOTHING RETURNING ${entitySelect(manager, MatchRequestEntity)}`);
    const [row] = await manager.query<MatchRequestEntity[]>(text, values);
    return row ?? null;
  }

  /** The request; locked for the rest of the transaction when `lock` says so. */
  async find(manager: EntityManager, id: string, { lock = false }: { lock?: boolean } = {}): Promise<MatchRequestEntity | null> {
    const [row] = await manager.query<MatchRequestEntity[]>(`SELECT ${entitySelect(manager, MatchRequestEntity)} FROM match_request WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  /**
   * Moves the request to `status`, with the ranking stored for coordinators when given; `along`,
   * statements that go with the change (the insert of the assignment that makes it assigned, its
   * event), run in the same statement, so in one round trip.
   */
  async setStatus(manager: EntityManager, id: string, status: RequestStatus, lastMatches?: MatchListView | null, along: Statement[] = []): Promise<void> {
    const { text, values } = statementWith(along, (param) => {
      const stored = lastMatches === undefined ? '' : `last_matches = ${param(lastMatches === null ? null : JSON.stringify(lastMatches))}, `;
      return `UPDATE match_request SET status = ${param(status)}, ${stored}updated_at = now() WHERE id = ${param(id)}`;
    });
    await manager.query(text, values);
  }
}
