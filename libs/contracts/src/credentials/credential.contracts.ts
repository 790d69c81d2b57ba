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
  /** Answers `unauthenticated` for an unknown or revoked key. Not cached by callers: revocation is immediate. */
  authenticate: defineRpc('members.credential.authenticate.v1', AuthenticateCredentialRequest, AuthenticatedCredential),
} as const;
