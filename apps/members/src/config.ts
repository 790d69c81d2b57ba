import { IsOptional, IsString, MinLength, ValidateBy } from 'class-validator';
import { ServiceConfig } from '@coop/platform';

export class MembersConfig extends ServiceConfig {
  /** Bootstrap admin key: kept as a credential (role admin) while it is set; a changed or removed key is revoked at start. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_API_KEY must be at least 16 characters' })
  ADMIN_API_KEY?: string;

  /** The consortium's time zone: what "today" is when checking that a request window is not in the past. */
  @ValidateBy({
    name: 'isTimeZone',
    validator: { validate: isTimeZone, defaultMessage: () => 'TIME_ZONE must be an IANA time zone such as America/Toronto' },
  })
  TIME_ZONE: string = 'America/Toronto';
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
