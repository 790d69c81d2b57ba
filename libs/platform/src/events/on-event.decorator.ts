import { SetMetadata } from '@nestjs/common';
import { EventContract } from '@coop/contracts';

export const ON_EVENT_METADATA = 'coop:on-event';

export interface OnEventOptions<Payload> {
  /**
   * Only events this says yes to are handled; the others are acknowledged at once, without a
   * transaction or a record of them (what the handler would have done with them: nothing).
   */
  when?: (data: Payload) => boolean;
}

export interface OnEventMetadata {
  contract: EventContract<object>;
  when?: (data: object) => boolean;
}

/**
 * Marks a provider method as the handler of a durable event. It is called inside a transaction
 * as `(data, envelope, manager, delivery)`; the event counts as processed only if that transaction commits.
 */
export function OnEvent<Payload extends object>(contract: EventContract<Payload>, options: OnEventOptions<Payload> = {}): MethodDecorator {
  const metadata: OnEventMetadata = { contract: contract as EventContract<object>, ...(options.when ? { when: options.when as (data: object) => boolean } : {}) };
  return SetMetadata(ON_EVENT_METADATA, metadata);
}
