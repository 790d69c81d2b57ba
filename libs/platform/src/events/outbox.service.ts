import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, EventContract, EventEnvelope } from '@coop/contracts';
import { currentCorrelationId } from '../logging/correlation.js';
import { toFieldErrors } from '../errors/field-errors.js';
import { entityInsert } from '../persistence/entity-sql.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

/**
 * Records an event inside the caller's transaction: the event exists if and only if the change
 * committed. The relay publishes it afterwards.
 */
@Injectable()
export class OutboxService {
  async record<Payload extends object>(
    manager: EntityManager,
    contract: EventContract<Payload>,
    data: Payload,
  ): Promise<EventEnvelope<Payload>> {
    assertValid(contract, data);
    const envelope: EventEnvelope<Payload> = {
      id: randomUUID(),
      type: contract.subject,
      occurredAt: new Date().toISOString(),
      correlationId: currentCorrelationId(),
      data,
    };
    const { text, values } = entityInsert(manager, OutboxEventEntity, { id: envelope.id, subject: contract.subject, envelope });
    await manager.query(text, values);
    return envelope;
  }
}

// An event that breaks its own contract is a bug in the emitter: fail the transaction loudly.
function assertValid<Payload extends object>(contract: EventContract<Payload>, data: Payload): void {
  const errors = validateSync(plainToInstance(contract.payload, data) as object, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new DomainException(ErrorCode.Internal, `Event ${contract.subject} does not match its contract`, toFieldErrors(errors));
  }
}
