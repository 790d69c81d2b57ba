import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { EVENT_STREAM_MAX_AGE_DAYS } from '../events/jetstream-stream.js';
import { IsLessThanProperty } from './less-than-property.js';
import { IsTimeZone } from './time-zone.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every process reads: NATS, its subject namespace, RPC timeout, logging. */
export class BaseConfig {
  /** One server, or a comma-separated list of a cluster's servers (the client fails over between them). */
  @Matches(/^(nats|tls|wss?):\/\/[^,\s]+(\s*,\s*(nats|tls|wss?):\/\/[^,\s]+)*$/, { message: 'NATS_URL must be a nats:// URL, or several separated by commas' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** Prefixes every subject and names the event stream, so environments can share one NATS. */
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'NATS_NAMESPACE must be lower-case letters, digits, _ or -' })
  NATS_NAMESPACE: string = 'coop';

  @IsInt()
  @Min(50)
  @Max(120_000)
  RPC_TIMEOUT_MS: number = 5000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Names this process in logs and readiness answers; defaults to host name and pid. */
  @IsOptional()
  @IsString()
  INSTANCE_ID?: string;
}

/** The servers of NATS_URL, for the client's `servers` option. */
export function natsServers(natsUrl: string): string[] {
  return natsUrl.split(',').map((server) => server.trim());
}

/** A NATS microservice that owns a Postgres schema. */
export class ServiceConfig extends BaseConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  /** The consortium's time zone: what "today" and "this week" are (request windows, search horizon). */
  @IsTimeZone()
  TIME_ZONE: string = 'America/Toronto';

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /**
   * How many events one replica handles at the same time (events of one request always one after
   * another). Each holds a database connection for its transaction, so it stays below the pool.
   */
  @IsInt()
  @Min(1)
  @IsLessThanProperty('DATABASE_POOL_SIZE')
  EVENT_CONCURRENCY: number = 6;

  /**
   * How long JetStream waits for a replica to acknowledge an event before it hands the event to
   * another (or to the same one once restarted). A replica at work on an event tells JetStream so
   * every quarter of this time, so only the events of a replica that died wait this long.
   */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  EVENT_ACK_WAIT_MS: number = 6000;

  /** How often the outbox relay looks for unpublished events when no notification arrives. */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 1000;

  /**
   * How long published outbox rows and the record of handled events are kept. The record must
   * outlive the event stream's own retention, or a redelivered event could be applied twice.
   */
  @IsInt()
  @Min(EVENT_STREAM_MAX_AGE_DAYS + 1)
  EVENT_RETENTION_DAYS: number = 30;

  /** How long a shutting-down service waits for in-flight work before it exits anyway. */
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS: number = 10_000;
}

/** A service that talks to Meilisearch. */
export class SearchServiceConfig extends ServiceConfig {
  @Matches(/^https?:\/\/.+/, { message: 'MEILI_URL must be an http(s) URL' })
  MEILI_URL: string;

  @IsOptional()
  @IsString()
  MEILI_MASTER_KEY?: string;

  /** Prefixes index names so several environments (or test runs) share one Meilisearch. */
  @Matches(/^[a-z0-9_-]{0,40}$/, { message: 'MEILI_INDEX_PREFIX must be lower-case letters, digits, _ or -' })
  MEILI_INDEX_PREFIX: string = '';
}
