import { IsOptional, IsString, MinLength } from 'class-validator';
import { ServiceConfig } from '@coop/platform';

export class MembersConfig extends ServiceConfig {
  /** Bootstrap admin key: kept as a credential (role admin) while it is set; a changed or removed key is revoked at start. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_API_KEY must be at least 16 characters' })
  ADMIN_API_KEY?: string;
}

