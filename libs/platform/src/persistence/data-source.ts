import { DataSource, DataSourceOptions } from 'typeorm';
import { OutboxEventEntity } from '../events/outbox-event.entity.js';
import { ProcessedEventEntity } from '../events/processed-event.entity.js';
import { CreateEventTables1764150000000 } from '../events/migrations/1764150000000-create-event-tables.js';
import { DatabaseDefinition } from './database-definition.js';
import { ServicePgClient } from './service-pg-client.js';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
}

/**
 * TypeORM options for one service: its own schema (also the search_path, so plain SQL in
 * migrations lands there), the shared event tables, never `synchronize`.
 */
export function buildDataSourceOptions(definition: DatabaseDefinition, settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    schema: definition.schema,
    entities: [OutboxEventEntity, ProcessedEventEntity, ...asArray(definition.entities)],
    migrations: [CreateEventTables1764150000000, ...asArray(definition.migrations)],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: { max: settings.poolSize ?? 10, options: `-c search_path=${definition.schema}`, Client: ServicePgClient },
  };
}

export function createDataSource(definition: DatabaseDefinition, settings: DataSourceSettings): DataSource {
  return new DataSource(buildDataSourceOptions(definition, settings));
}

function asArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
