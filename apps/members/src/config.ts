import { IsOptional, IsString, MinLength } from 'class-validator';
import { IsTimeZone, ServiceConfig } from '@coop/platform';

export class MembersConfig extends ServiceConfig {
  /** Bootstrap admin key: kept as a credential (role admin) while it is set; a changed or removed key is revoked at start. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_API_KEY must be at least 16 characters' })
  ADMIN_API_KEY?: string;

  /** The consortium's time zone: what "today" is when checking that a request window is not in the past. */
  @IsTimeZone()
  TIME_ZONE: string = 'America/Toronto';
}

