import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventConsumer } from './event-consumer.js';
import { EventHandlerRegistry } from './event-handler-registry.js';
import { EventPublisher } from './event-publisher.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxService } from './outbox.service.js';
import { OutboxStore } from './outbox-store.js';
import { ProcessedEvents } from './processed-events.js';
import { CONSUMER_NAME, SERVICE_SCHEMA } from './tokens.js';

/** Durable events for one service: its outbox and relay, and its consumer for `@OnEvent` handlers. */
@Module({})
export class EventsModule {
  static forService(options: { schema: string; consumerName: string }): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: SERVICE_SCHEMA, useValue: options.schema },
        { provide: CONSUMER_NAME, useValue: options.consumerName },
        OutboxService,
        OutboxStore,
        EventPublisher,
        OutboxRelay,
        ProcessedEvents,
        EventHandlerRegistry,
        EventConsumer,
      ],
      exports: [OutboxService, OutboxRelay],
    };
  }
}
