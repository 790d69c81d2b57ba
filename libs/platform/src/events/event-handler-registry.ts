import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { EventContract, EventEnvelope } from '@coop/contracts';
import { ON_EVENT_METADATA, type OnEventMetadata } from './on-event.decorator.js';

/** How this event reached the handler. */
export interface EventDelivery {
  /** 1 on the first delivery; more when an earlier attempt failed, timed out or died with its process. */
  attempt: number;
}

export type EventHandlerFn = (data: object, envelope: EventEnvelope, manager: EntityManager, delivery: EventDelivery) => Promise<unknown> | unknown;

export interface RegisteredEventHandler {
  contract: EventContract<object>;
  handle: EventHandlerFn;
  /** Events it says no to are acknowledged without being handled (OnEventOptions.when). */
  when?: (data: object) => boolean;
}

/** Finds every `@OnEvent` method of the app, keyed by subject (one handler per subject). */
@Injectable()
export class EventHandlerRegistry {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Map<string, RegisteredEventHandler> {
    const handlers = new Map<string, RegisteredEventHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as (...args: unknown[]) => unknown;
        const metadata = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT_METADATA, fn);
        if (!metadata) continue;
        const { contract, when } = metadata;
        if (handlers.has(contract.subject)) {
          throw new Error(`Two handlers for ${contract.subject} in one service`);
        }
        handlers.set(contract.subject, { contract, handle: fn.bind(instance) as EventHandlerFn, ...(when ? { when } : {}) });
      }
    }
    return handlers;
  }
}
