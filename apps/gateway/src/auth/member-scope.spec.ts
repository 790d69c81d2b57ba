import { DomainException, ErrorCode } from '@coop/contracts';
import { MemberScope } from './member-scope.js';

const OWN = 'b0000000-0000-4000-8000-000000000001';
const OTHER = 'b0000000-0000-4000-8000-000000000002';

const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainException).code;
  }
};

describe(MemberScope.name, () => {
  describe('for a partner', () => {
    const sut = MemberScope.of({ credentialId: 'c1', role: 'partner', memberId: OWN });

    it('is its own member, whatever it names or leaves out', () => {
      expect(sut.memberId).toBe(OWN);
      expect(sut.member(undefined)).toBe(OWN);
      expect(sut.member(OWN)).toBe(OWN);
      expect(sut.requireMember(undefined)).toBe(OWN);
    });

    it('finds nothing of another member (not_found, never forbidden)', () => {
      expect(codeOf(() => sut.member(OTHER))).toBe(ErrorCode.NotFound);
      expect(codeOf(() => sut.requireMember(OTHER))).toBe(ErrorCode.NotFound);
    });
  });

  describe('for a coordinator', () => {
    const sut = MemberScope.of({ credentialId: 'c2', role: 'coordinator' });

    it('sees every member and must name one to act for', () => {
      expect(sut.memberId).toBeUndefined();
      expect(sut.member(undefined)).toBeUndefined();
      expect(sut.member(OTHER)).toBe(OTHER);
      expect(sut.requireMember(OTHER)).toBe(OTHER);
      expect(codeOf(() => sut.requireMember(undefined))).toBe(ErrorCode.ValidationFailed);
    });
  });

  it('refuses a partner credential without a member', () => {
    expect(codeOf(() => MemberScope.of({ credentialId: 'c3', role: 'partner' }))).toBe(ErrorCode.Internal);
  });
});
