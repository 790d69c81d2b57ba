import { IsInt, IsString, Matches, Max, Min, IsOptional } from 'class-validator';
import { BaseConfig } from '@coop/platform';

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** Where clients reach this gateway (the OpenAPI document's server), e.g. behind a load balancer; default http://localhost:PORT. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+(\/.*[^/])?$/, { message: 'PUBLIC_URL must be an http(s) URL without a trailing slash' })
  PUBLIC_URL?: string;

  /** Readiness also checks Meilisearch when this is set. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'MEILI_URL must be an http(s) URL' })
  MEILI_URL?: string;

  /** Largest accepted request body. */
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES: number = 256 * 1024;

  /** How long readiness waits for each service's answer. */
  @IsInt()
  @Min(100)
  READINESS_TIMEOUT_MS: number = 1500;

  /**
   * While the members service cannot be reached, a key it accepted within this time is still let in
   * (with the role it had), so a members restart does not stop every route. 0: never.
   */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  AUTH_FALLBACK_TTL_MS: number = 300_000;

  /**
   * A key the members service accepted is let in on its answer for this long without asking again
   * (a revocation is broadcast and forgotten at once; a notice lost on the way is made up for after
   * this time at most). 0: ask on every call.
   */
  @IsInt()
  @Min(0)
  @Max(300_000)
  AUTH_CACHE_TTL_MS: number = 30_000;

  /** Requests one credential may make per RATE_LIMIT_WINDOW_MS (per gateway instance). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_MAX: number = 600;

  @IsInt()
  @Min(1000)
  RATE_LIMIT_WINDOW_MS: number = 60_000;

  /** The built console (apps/console), served at /console/; relative to the working directory. */
  @IsString()
  CONSOLE_DIR: string = 'dist/apps/console';
}
