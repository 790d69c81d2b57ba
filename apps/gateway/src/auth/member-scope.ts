import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainException, ErrorCode } from '@coop/contracts';
import { GatewayException } from '../http/problem-details.js';
import type { Principal } from './roles.js';

/**
 * The partner-scoping rule, in one place: a partner key acts for its one member and must not learn
 * that anything of another member exists, so whatever it names of another member is "not found"
 * (404, never 403). Coordinators and admins are not scoped.
 *
 * How a route uses it (requests here; statements, webhooks... the same way):
 * - reads and changes by id: pass `scope.memberId` to the service as the RPC's `memberId`; the
 *   service then looks the thing up by id AND member, and answers not_found otherwise;
 * - lists: pass `scope.member(query.memberId)` as the member filter;
 * - creation: `scope.requireMember(body.memberId)` is the member to create for;
 * - a member in the path (`/v1/members/:id/...`): `scope.member(id)` first.
 */
export class MemberScope {
  private constructor(
    /** The member a partner acts for; undefined when the caller may see every member. */
    readonly memberId: string | undefined,
  ) {}

  static of(principal: Principal): MemberScope {
    if (principal.role !== 'partner') return new MemberScope(undefined);
    if (!principal.memberId) throw new DomainException(ErrorCode.Internal, 'A partner credential has no member');
    return new MemberScope(principal.memberId);
  }

  /** The member the caller names (if any), once checked: a partner gets its own, and not_found for any other. */
  member(requested: string | undefined): string | undefined {
    if (this.memberId === undefined) return requested;
    if (requested !== undefined && requested !== this.memberId) throw new GatewayException(ErrorCode.NotFound, 'memberNotFound');
    return this.memberId;
  }

  /** Like member(), when one is needed: a coordinator must name it in `field`. */
  requireMember(requested: string | undefined, field = 'memberId'): string {
    const member = this.member(requested);
    if (member === undefined) {
      throw DomainException.validation([{ field, message: `${field} is required: name the member this is for`, constraint: 'memberIdRequired' }]);
    }
    return member;
  }
}

/** The caller's MemberScope, for a route with @Roles. */
export const Scope = createParamDecorator((_: unknown, context: ExecutionContext): MemberScope => MemberScope.of(principalOf(context)));

/** The authenticated caller, for a route with @Roles. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => principalOf(context));

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new DomainException(ErrorCode.Internal, 'This route has no authenticated caller: does it declare @Roles?');
  return principal;
}
