import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@coop/contracts';
import { ProfessionalChangedEvent, ProfessionalEvents } from '@coop/contracts';
import { OnEvent } from '@coop/platform';

/** The service's own events feed its search index: queue the ids; the indexer does the rest. */
@Injectable()
export class ProfessionalChangedHandler {
  @OnEvent(ProfessionalEvents.changed)
  async queue(data: ProfessionalChangedEvent, _envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO index_queue (professional_id) SELECT unnest($1::uuid[])', [data.professionalIds]);
  }
}
