import { IsInt, IsOptional, IsString, Matches, Max, MinLength, Min } from 'class-validator';
import { BaseConfig } from '@coop/platform';

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** Creates the bootstrap admin credential (Bearer token). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_API_KEY must be at least 16 characters' })
  ADMIN_API_KEY?: string;

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
}
