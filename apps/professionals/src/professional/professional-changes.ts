import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProfessionalChangeReason, ProfessionalEvents } from '@coop/contracts';
import { OutboxService } from '@coop/platform';

/** Records, in the caller's transaction, that professionals changed (the search index follows). */
@Injectable()
export class ProfessionalChanges {
  constructor(private readonly outbox: OutboxService) {}

  async record(manager: EntityManager, professionalIds: string[], reason: ProfessionalChangeReason): Promise<void> {
    if (professionalIds.length === 0) return;
    await this.outbox.record(manager, ProfessionalEvents.changed, { professionalIds, reason });
  }
}
