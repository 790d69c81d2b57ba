import 'reflect-metadata';
import { DomainException, ErrorCode } from '@coop/contracts';
import { memberScope, requiredMemberScope } from './member-scope.js';
import type { Principal } from './roles.js';

const OWN = '6f1d2c3b-0000-4000-8000-000000000001';
const OTHER = '6f1d2c3b-0000-4000-8000-000000000002';
const partner: Principal = { credentialId: 'p', role: 'partner', memberId: OWN };
const admin: Principal = { credentialId: 'a', role: 'admin' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainException).code;
  }
  return undefined;
};

describe(memberScope.name, () => {
  it('keeps a partner to its own member, and answers "not found" for another', () => {
    expect(memberScope(partner)).toBe(OWN);
    expect(memberScope(partner, OWN)).toBe(OWN);
    expect(codeOf(() => memberScope(partner, OTHER))).toBe(ErrorCode.NotFound);
  });

  it('lets an admin reach every member, or the one it names', () => {
    expect(memberScope(admin)).toBeUndefined();
    expect(memberScope(admin, OTHER)).toBe(OTHER);
  });

  it('refuses a partner key bound to no member', () => {
    expect(codeOf(() => memberScope({ credentialId: 'p', role: 'partner' }))).toBe(ErrorCode.Forbidden);
  });
});

describe(requiredMemberScope.name, () => {
  it('asks an admin to name the member', () => {
    expect(codeOf(() => requiredMemberScope(admin))).toBe(ErrorCode.ValidationFailed);
    expect(requiredMemberScope(admin, OTHER)).toBe(OTHER);
    expect(requiredMemberScope(partner)).toBe(OWN);
  });
});
