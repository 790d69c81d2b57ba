import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, EventContract, EventEnvelope } from '@coop/contracts';
import { currentCorrelationId } from '../logging/correlation.js';
import { toFieldErrors } from '../errors/field-errors.js';
import { entityInsert, type Statement } from '../persistence/entity-sql.js';
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
    const { envelope, insert } = this.entry(manager, contract, data);
    await manager.query(insert.text, insert.values);
    return envelope;
  }

  /**
   * The event and the INSERT that records it, for a caller that runs it within another statement
   * of its transaction (one round trip for the change and its event); `record` runs it alone.
   */
  entry<Payload extends object>(manager: EntityManager, contract: EventContract<Payload>, data: Payload): { envelope: EventEnvelope<Payload>; insert: Statement } {
    assertValid(contract, data);
    const envelope: EventEnvelope<Payload> = {
      id: randomUUID(),
      type: contract.subject,
      occurredAt: new Date().toISOString(),
      correlationId: currentCorrelationId(),
      data,
    };
    return { envelope, insert: entityInsert(manager, OutboxEventEntity, { id: envelope.id, subject: contract.subject, envelope }) };
  }
}

// An event that breaks its own contract is a bug in the emitter: fail the transaction loudly.
function assertValid<Payload extends object>(contract: EventContract<Payload>, data: Payload): void {
  const errors = validateSync(plainToInstance(contract.payload, data) as object, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new DomainException(ErrorCode.Internal, `Event ${contract.subject} does not match its contract`, toFieldErrors(errors));
  }
}
