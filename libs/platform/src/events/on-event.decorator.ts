import { SetMetadata } from '@nestjs/common';
import { EventContract } from '@coop/contracts';

export const ON_EVENT_METADATA = 'coop:on-event';

/**
 * Marks a provider method as the handler of a durable event. It is called inside a transaction
 * as `(data, envelope, manager, delivery)`; the event counts as processed only if that transaction commits.
 */
export function OnEvent(contract: EventContract<object>): MethodDecorator {
  return SetMetadata(ON_EVENT_METADATA, contract);
}
