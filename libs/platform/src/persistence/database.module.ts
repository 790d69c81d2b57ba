import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/base-config.js';
import { buildDataSourceOptions } from './data-source.js';
import { DatabaseDefinition } from './database-definition.js';
import { migrate } from './migrate.js';
import { Transactions } from './transactions.js';

/** The service's TypeORM connection, migrated before anything else starts, and its transactions. */
@Module({})
export class DatabaseModule {
  static forService(definition: DatabaseDefinition): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) =>
            buildDataSourceOptions(definition, { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            const applied = await migrate(dataSource);
            if (applied.length > 0) new Logger(DatabaseModule.name).log({ msg: 'migrations applied', applied });
            return dataSource;
          },
        }),
      ],
      providers: [Transactions],
      exports: [TypeOrmModule, Transactions],
    };
  }
}
