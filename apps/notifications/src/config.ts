import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { StrictBoolean } from '@coop/contracts';
import { ServiceConfig } from '@coop/platform';
import { DURATION_LIST_PATTERN, DURATION_PATTERN, parseDuration, parseDurationList } from './delivery/durations.js';

const DURATION_MESSAGE = 'must be a duration such as 30s, 15m, 2h or 3d';
const SMTP_CREDENTIALS_GIVEN = (config: NotificationsConfig) => config.SMTP_USER !== undefined || config.SMTP_PASSWORD !== undefined;

export class NotificationsConfig extends ServiceConfig {
  /** Encrypts webhook signing secrets at rest (AES-256-GCM): 32 bytes as 64 hex digits or base64. */
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'WEBHOOK_SECRET_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)',
  })
  WEBHOOK_SECRET_KEY: string;

  /** Accept webhook URLs on private, loopback and link-local addresses (local development, tests). */
  @StrictBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS: boolean = false;

  /** A webhook attempt succeeds only on a 2xx answer within this time. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** An endpoint failing without a single success for this long is disabled. */
  @Matches(DURATION_PATTERN, { message: `WEBHOOK_DISABLE_AFTER ${DURATION_MESSAGE}` })
  WEBHOOK_DISABLE_AFTER: string = '3d';

  /** ...or after this many failed attempts in a row (0: only the duration counts). */
  @IsInt()
  @Min(0)
  WEBHOOK_DISABLE_AFTER_FAILURES: number = 200;

  /** Waits between attempts of a webhook or email; after the last one it is given up (failed). */
  @Matches(DURATION_LIST_PATTERN, { message: `DELIVERY_RETRY_SCHEDULE must be a comma-separated list of durations (5s,5m,30m,2h)` })
  DELIVERY_RETRY_SCHEDULE: string = '5s,5m,30m,2h,5h,10h,10h';

  /** Each wait is randomly stretched or shrunk by up to this fraction, so retries do not stampede. */
  @IsNumber()
  @Min(0)
  @Max(1)
  DELIVERY_RETRY_JITTER: number = 0.2;

  /** How often the webhook and email workers look for due deliveries. */
  @IsInt()
  @Min(10)
  DELIVERY_POLL_MS: number = 1000;

  /** Deliveries one worker takes at a time. */
  @IsInt()
  @Min(1)
  @Max(200)
  DELIVERY_BATCH_SIZE: number = 20;

  /** SMTP server; when unset, emails are written as .eml files to MAIL_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SMTP_HOST?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  @StrictBoolean()
  SMTP_SECURE: boolean = false;

  @ValidateIf(SMTP_CREDENTIALS_GIVEN)
  @IsString({ message: 'SMTP_USER and SMTP_PASSWORD go together' })
  @MinLength(1)
  SMTP_USER?: string;

  @ValidateIf(SMTP_CREDENTIALS_GIVEN)
  @IsString({ message: 'SMTP_USER and SMTP_PASSWORD go together' })
  @MinLength(1)
  SMTP_PASSWORD?: string;

  /** Connection, greeting and socket timeout of the SMTP client. */
  @IsInt()
  @Min(100)
  SMTP_TIMEOUT_MS: number = 10_000;

  @IsString()
  @MinLength(3)
  @MaxLength(200)
  MAIL_FROM: string = 'Coop Expertise Matching <notifications@coop-matching.example>';

  /** Where emails go as .eml files when no SMTP_HOST is set. */
  @IsString()
  @MinLength(1)
  MAIL_DIR: string = '.data/mail';

  get retrySchedule(): number[] {
    return parseDurationList(this.DELIVERY_RETRY_SCHEDULE);
  }

  get webhookDisableAfterMs(): number {
    return parseDuration(this.WEBHOOK_DISABLE_AFTER);
  }
}
