import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceName } from '@coop/contracts';
import { ConfigModule } from '../config/config.module.js';
import { EventsModule } from '../events/events.module.js';
import { DEPENDENCY_CHECKS, DependencyCheck, postgresCheck } from '../health/dependency-check.js';
import { servicePingController } from '../health/service-ping.controller.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { DatabaseDefinition } from '../persistence/database-definition.js';
import { DatabaseModule } from '../persistence/database.module.js';

export interface ServiceKitOptions<Config extends object> {
  service: ServiceName;
  config: new () => Config;
  env: NodeJS.ProcessEnv;
  database: DatabaseDefinition;
  /** Checks beyond Postgres that readiness should report (e.g. Meilisearch). */
  extraChecks?: (config: Config) => DependencyCheck[];
}

/**
 * Everything a NATS service needs besides its features: config, NATS client, its schema and
 * migrations, outbox and event consumer, and the readiness ping.
 */
@Module({})
export class ServiceKitModule {
  static forService<Config extends object>(options: ServiceKitOptions<Config>): DynamicModule {
    const checks: Provider = {
      provide: DEPENDENCY_CHECKS,
      inject: [DataSource, options.config],
      useFactory: (dataSource: DataSource, config: Config) => [postgresCheck(dataSource), ...(options.extraChecks?.(config) ?? [])],
    };
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        ConfigModule.forRoot(options.config, options.env),
        MessagingModule,
        DatabaseModule.forService(options.database),
        EventsModule.forService({ schema: options.database.schema, consumerName: options.service }),
      ],
      controllers: [servicePingController(options.service)],
      providers: [checks],
      exports: [DatabaseModule, DEPENDENCY_CHECKS],
    };
  }
}
