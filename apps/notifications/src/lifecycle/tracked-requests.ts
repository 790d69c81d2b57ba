import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TrackedRequestEntity } from './tracked-request.entity.js';

/** What an event may teach this service about a request: its wording, or its current assignment. */
export type TrackedFields = Partial<Pick<TrackedRequestEntity, 'title' | 'startDate' | 'endDate' | 'assignmentId' | 'professionalId' | 'shareParts'>>;

/** The requests this service has seen (table tracked_request), in the event consumer's transaction. */
@Injectable()
export class TrackedRequests {
  /** Remembers `fields` of the request, keeping what is already known of the others. */
  async remember(manager: EntityManager, request: { requestId: string; memberId: string }, fields: TrackedFields): Promise<void> {
    const metadata = manager.connection.getMetadata(TrackedRequestEntity);
    const columns = Object.keys(fields).map((property) => metadata.findColumnWithPropertyName(property)!.databaseName);
    await manager
      .createQueryBuilder()
      .insert()
      .into(TrackedRequestEntity)
      .values({ requestId: request.requestId, memberId: request.memberId, ...fields })
      .orUpdate(columns, ['request_id'])
      .execute();
  }

  find(manager: EntityManager, requestId: string): Promise<TrackedRequestEntity | null> {
    return manager.findOneBy(TrackedRequestEntity, { requestId });
  }

  /**
   * Forgets the assignment if it is still the current one, or a part of the request's share, so
   * that a later cancellation tells nobody about it.
   */
  async forgetAssignment(manager: EntityManager, requestId: string, assignmentId: string): Promise<void> {
    await manager.update(TrackedRequestEntity, { requestId, assignmentId }, { assignmentId: null, professionalId: null });
    await manager.query(
      `UPDATE tracked_request SET share_parts = nullif(coalesce((SELECT jsonb_agg(part) FROM jsonb_array_elements(share_parts) part WHERE part->>'assignmentId' <> $2), '[]'::jsonb), '[]'::jsonb)
       WHERE request_id = $1 AND share_parts IS NOT NULL`,
      [requestId, assignmentId],
    );
  }
}
