import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { CredentialRole } from '@coop/contracts';
import { ApiProblems, BEARER_SCHEME } from '../http/openapi.js';

export type Role = CredentialRole;

export const ROLES_METADATA = 'coop:roles';
export const PUBLIC_METADATA = 'coop:public';

/**
 * Who may call a route: exactly these roles (an admin is not implied). Every route says either
 * this or @Public(); the gateway refuses to start otherwise. Also documents the route's security,
 * its roles (`x-roles`) and the answers every keyed route can give: 401, 403, 429, and 503/504
 * (the members service checks every key).
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator =>
  applyDecorators(SetMetadata(ROLES_METADATA, roles), ApiBearerAuth(BEARER_SCHEME), ApiExtension('x-roles', roles), ApiProblems(401, 403, 429, 503, 504));

/** A route anyone may call, without a key (health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);

/** Who is calling: their credential, role and, for a partner, the one member they act for. */
export interface Principal {
  credentialId: string;
  role: Role;
  memberId?: string;
}
