import { defineRpc } from '../messaging/rpc-contract.js';
import {
  AuthenticateCredentialRequest,
  AuthenticatedCredential,
  CredentialIdRequest,
  CredentialView,
  IssueCredentialRequest,
  IssuedCredentialView,
} from './credential.dto.js';

export const CredentialRpc = {
  issue: defineRpc('members.credential.issue.v1', IssueCredentialRequest, IssuedCredentialView),
  revoke: defineRpc('members.credential.revoke.v1', CredentialIdRequest, CredentialView),
  /**
   * Answers `unauthenticated` for an unknown or revoked key. A caller that keeps the answer for a
   * while (the gateway, AUTH_CACHE_TTL_MS) forgets it on CREDENTIAL_REVOKED_SUBJECT.
   */
  authenticate: defineRpc('members.credential.authenticate.v1', AuthenticateCredentialRequest, AuthenticatedCredential),
} as const;

/**
 * Broadcast (plain NATS publish, every subscriber gets it) by the members service once a revocation
 * is committed, with `{ credentialId }`: whoever keeps authentications forgets that credential.
 */
export const CREDENTIAL_REVOKED_SUBJECT = 'members.credential.revoked.v1';

export interface CredentialRevokedNotice {
  credentialId: string;
}
