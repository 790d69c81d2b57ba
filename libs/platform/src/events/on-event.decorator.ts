import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from '@coop/contracts';

export const ON_EVENT_METADATA = 'coop:on-event';
export const EVENT_TABLE_METADATA = 'coop:event-table';

/** How this event reached the handler. */
export interface EventDelivery {
  /** 1 on the first delivery; more when an earlier attempt failed, timed out or died with its process. */
  attempt: number;
}

export interface OnEventOptions<Payload> {
  /**
   * Only events this says yes to are handled; the others are acknowledged at once, without a
   * transaction or a record of them (what the handler would have done with them: nothing).
   */
  when?: (data: Payload) => boolean;
}

/** What `@OnEvent` records on a method. */
export interface OnEventMetadata {
  contract: EventContract<object>;
  when?: (data: object) => boolean;
}

/**
 * A handler of the events of a contract whose payload is `Payload`. It is called inside a
 * transaction; the event counts as processed only if that transaction commits.
 */
export type EventHandler<Payload> = (data: Payload, envelope: EventEnvelope<Payload>, manager: EntityManager, delivery: EventDelivery) => Promise<unknown> | unknown;

/** The payload type of an event contract: `PayloadOf<typeof RequestEvents.submitted>`. */
export type PayloadOf<Contract> = Contract extends EventContract<infer Payload> ? Payload : never;

/**
 * A contract and its handler, as a value (what an `@EventTable` method returns). `handle` is a
 * method so that bindings of different payloads make one list.
 */
export interface EventBinding<Payload = object> {
  readonly contract: EventContract<Payload>;
  /** See OnEventOptions.when (a method, like handle, so that bindings of different payloads make one list). */
  when?(data: Payload): boolean;
  handle(data: Payload, envelope: EventEnvelope<Payload>, manager: EntityManager, delivery: EventDelivery): Promise<unknown> | unknown;
}

/** Binds a handler to a contract; the handler's parameters take their types from the contract. */
export function onEvent<Payload>(contract: EventContract<Payload>, handle: EventHandler<Payload>): EventBinding<Payload> {
  return { contract, handle };
}

/**
 * Compiles only when a handler's first parameter is exactly the contract's payload (method
 * parameters are compared both ways, so a wider or narrower class would otherwise pass).
 */
type TakesPayload<Method, Payload> = Method extends (...args: infer Args) => unknown
  ? Args extends []
    ? unknown
    : [Args[0]] extends [Payload]
      ? [Payload] extends [Args[0]]
        ? unknown
        : { "the handler's first parameter must be the contract's payload": Payload }
      : { "the handler's first parameter must be the contract's payload": Payload }
  : never;

/**
 * Marks a provider method as the handler of a durable event, called as
 * `(data, envelope, manager, delivery)` (see EventHandler). Its `data` must be declared as the
 * contract's payload class: the compiler refuses any other.
 */
export function OnEvent<Payload>(contract: EventContract<Payload>, options: OnEventOptions<Payload> = {}) {
  const metadata: OnEventMetadata = { contract: contract as EventContract<object>, ...(options.when ? { when: options.when as (data: object) => boolean } : {}) };
  return <Method extends EventHandler<Payload>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<Method> & TakesPayload<Method, Payload>): void => {
    SetMetadata(ON_EVENT_METADATA, metadata)(target, key, descriptor);
  };
}

/**
 * Marks a provider method that returns several handlers at once (`onEvent(...)` bindings), for a
 * provider whose reactions to events are one table rather than one method each.
 */
export function EventTable(): MethodDecorator {
  return SetMetadata(EVENT_TABLE_METADATA, true);
}
