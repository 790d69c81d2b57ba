import { DomainException, ErrorCode } from '@coop/contracts';
import type { Principal } from './roles.js';

/**
 * The member whose data a caller may reach. A partner reaches only the member its key is bound
 * to: naming another member is answered "not found", never "forbidden", so a partner cannot even
 * learn that another member's resources exist. Admins and coordinators reach every member;
 * `requested` then narrows (undefined: no restriction).
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
  if (memberId === undefined) throw DomainException.validation([{ field: 'memberId', message: 'memberId is required: name the member to act for' }]);
  return memberId;
}
