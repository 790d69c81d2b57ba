import { DomainException, ErrorCode } from '@coop/contracts';
import type { Principal } from './roles.js';

/**
 * The member whose data a caller may reach: the one place of the partner-scoping rule. A partner
 * reaches only the member its key is bound to: naming another member is answered "not found", never
 * "forbidden", so a partner cannot even learn that another member's resources exist. Admins and
 * coordinators reach every member; `requested` then narrows (undefined: no restriction).
 *
 * How a route uses it (requests, webhooks, statements…):
 * - read or change one thing by id: send `memberId: memberScope(principal)` in the RPC; the service
 *   looks the thing up by id AND member when it is set, and answers not_found otherwise;
 * - list: send `memberId: memberScope(principal, query.memberId)` as the member filter;
 * - create: `requiredMemberScope(principal, body.memberId)` is the member to create for;
 * - a member in the path (`/v1/members/:id/statement`): `memberScope(principal, id)` first.
 */
export function memberScope(principal: Principal, requested?: string): string | undefined {
  if (principal.role !== 'partner') return requested;
  if (!principal.memberId) throw new DomainException(ErrorCode.Forbidden, 'This partner key is bound to no member');
  if (requested !== undefined && requested !== principal.memberId) throw DomainException.notFound('Member', requested);
  return principal.memberId;
}

/** Like memberScope, for an action that needs one member: a partner's own, or the one an admin names. */
export function requiredMemberScope(principal: Principal, requested?: string): string {
  const memberId = memberScope(principal, requested);
  if (memberId === undefined) throw DomainException.validation([{ field: 'memberId', message: 'memberId is required: name the member to act for', constraint: 'memberToActFor' }]);
  return memberId;
}
