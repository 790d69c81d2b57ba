import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The record of handled events (table processed_event), one row per consumer and event. */
@Injectable()
export class ProcessedEvents {
  /** Records the event as handled by `consumer`, in the handler's transaction; false when it already was. */
  async markHandled(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [consumer, eventId],
    );
    return inserted.length > 0;
  }
}
