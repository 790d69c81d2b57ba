import type { CreateMemberRequest, CredentialRole, IssuedCredentialView, MemberView } from '@coop/contracts';
import { call } from './http.js';

let memberCount = 0;

/** A member registered through the gateway (as the admin). */
export async function createMember(baseUrl: string, overrides: Partial<CreateMemberRequest> = {}): Promise<MemberView> {
  memberCount += 1;
  const response = await call<MemberView>(baseUrl, 'POST', '/v1/members', {
    body: {
      name: `Fédération d’essai ${memberCount}`,
      sector: 'housing',
      language: 'fr',
      region: 'quebec',
      contactEmail: `federation${memberCount}@example.org`,
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`creating a member answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** An API key issued through the gateway (as the admin): a coordinator's, or a partner's for `memberId`. */
export async function issueKey(baseUrl: string, role: CredentialRole, memberId?: string): Promise<IssuedCredentialView> {
  const response = await call<IssuedCredentialView>(baseUrl, 'POST', '/v1/credentials', { body: { role, ...(memberId ? { memberId } : {}), label: `test ${role}` } });
  if (response.status !== 201) throw new Error(`issuing a ${role} key answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
