import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EVENT_TABLE_METADATA, EventBinding, EventHandler, ON_EVENT_METADATA, type OnEventMetadata } from './on-event.decorator.js';

export type RegisteredEventHandler = EventBinding<object>;

/** Finds every `@OnEvent` method and `@EventTable` binding of the app, keyed by subject (one handler per subject). */
@Injectable()
export class EventHandlerRegistry {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Map<string, RegisteredEventHandler> {
    const handlers = new Map<string, RegisteredEventHandler>();
    const add = (binding: RegisteredEventHandler): void => {
      if (handlers.has(binding.contract.subject)) throw new Error(`Two handlers for ${binding.contract.subject} in one service`);
      handlers.set(binding.contract.subject, binding);
    };
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as (...args: unknown[]) => unknown;
        const metadata = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT_METADATA, fn);
        if (metadata) add({ contract: metadata.contract, handle: fn.bind(instance) as EventHandler<object>, ...(metadata.when ? { when: metadata.when } : {}) });
        if (this.reflector.get<boolean | undefined>(EVENT_TABLE_METADATA, fn)) {
          for (const binding of fn.call(instance) as RegisteredEventHandler[]) add(binding);
        }
      }
    }
    return handlers;
  }
}
