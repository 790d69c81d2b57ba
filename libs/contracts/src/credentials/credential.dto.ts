import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export const CREDENTIAL_ROLES = ['admin', 'coordinator', 'partner'] as const;
export type CredentialRole = (typeof CREDENTIAL_ROLES)[number];

export class IssueCredentialRequest {
  @ApiProperty({ enum: CREDENTIAL_ROLES, enumName: 'CredentialRole' })
  @IsIn(CREDENTIAL_ROLES, { message: `role must be one of: ${CREDENTIAL_ROLES.join(', ')}` })
  role: CredentialRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a partner (the one member it acts for); absent otherwise' })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Who holds the key, for people reading the list' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class CredentialIdRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;
}

export class AuthenticateCredentialRequest {
  /** hashApiKey() of the presented key. */
  @Matches(/^[0-9a-f]{64}$/, { message: 'keyHash must be a SHA-256 hex digest' })
  keyHash: string;
}

/** Who a valid key belongs to. */
export class AuthenticatedCredential {
  credentialId: string;
  role: CredentialRole;
  /** The member a partner acts for; null for other roles. */
  memberId: string | null;
}

export class CredentialView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: CREDENTIAL_ROLES, enumName: 'CredentialRole' })
  role: CredentialRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  memberId: string | null;
  @ApiProperty({ type: String, nullable: true })
  label: string | null;
  @ApiProperty({ description: 'The first characters of the key, to recognise it', example: 'cem_live_3fQk' })
  keyPrefix: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Updated at most once a minute' })
  lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
}

/** The answer to issuing: the only time the key itself is shown. */
export class IssuedCredentialView extends CredentialView {
  @ApiProperty({ description: 'The API key. Shown once: store it now.', example: 'cem_live_3fQk…' })
  key: string;
}

/** GET /v1/me: who the caller's API key is (what a client such as the console shows and allows). */
export class CallerView {
  @ApiProperty({ format: 'uuid' })
  credentialId: string;
  @ApiProperty({ enum: CREDENTIAL_ROLES, enumName: 'CredentialRole' })
  role: CredentialRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The member a partner key acts for; null for other roles' })
  memberId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'That member’s name' })
  memberName: string | null;
}
