import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TrackedRequestEntity } from './tracked-request.entity.js';

/** What an event may teach this service about a request: its wording, or its current assignment. */
export type TrackedFields = Partial<Pick<TrackedRequestEntity, 'title' | 'startDate' | 'endDate' | 'assignmentId' | 'professionalId'>>;

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

  /** Forgets the assignment if it is still the current one, so that a later cancellation tells nobody. */
  async forgetAssignment(manager: EntityManager, requestId: string, assignmentId: string): Promise<void> {
    await manager.update(TrackedRequestEntity, { requestId, assignmentId }, { assignmentId: null, professionalId: null });
  }
}
