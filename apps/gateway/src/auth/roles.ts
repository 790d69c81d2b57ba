import { SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'coordinator', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_METADATA = 'coop:roles';

/** Declares who may call a route; a route without it is public. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_METADATA, roles);

/** Who is calling: their role and, for a partner, the one member they act for. */
export interface Principal {
  credentialId: string;
  role: Role;
  memberId?: string;
}
