import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Records, in the caller's transaction, that professionals changed (profile, time off, hours given
 * back by a booking): their ids go to `index_queue`, whose NOTIFY at commit wakes the search
 * indexer. The queue lives in the same schema, so no event has to travel through NATS for the
 * index to follow. A new booking is not recorded: it only takes hours, and the index is a
 * pre-filter that may show more free hours than there are (matching checks them exactly), never
 * fewer; the daily rebuild and the professional's next change bring them back in step.
 */
@Injectable()
export class ProfessionalChanges {
  async record(manager: EntityManager, professionalIds: string[]): Promise<void> {
    if (professionalIds.length === 0) return;
    await manager.query('INSERT INTO index_queue (professional_id) SELECT unnest($1::uuid[])', [professionalIds]);
  }
}
