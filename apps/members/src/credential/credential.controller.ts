import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AuthenticateCredentialRequest,
  AuthenticatedCredential,
  CredentialIdRequest,
  CredentialRpc,
  CredentialView,
  IssueCredentialRequest,
  IssuedCredentialView,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { CredentialService } from './credential.service.js';

@Controller()
export class CredentialController {
  constructor(private readonly credentials: CredentialService) {}

  @RpcHandler(CredentialRpc.issue)
  issue(@Payload() request: IssueCredentialRequest): Promise<IssuedCredentialView> {
    return this.credentials.issue(request);
  }

  @RpcHandler(CredentialRpc.revoke)
  revoke(@Payload() request: CredentialIdRequest): Promise<CredentialView> {
    return this.credentials.revoke(request.id);
  }

  @RpcHandler(CredentialRpc.authenticate)
  authenticate(@Payload() request: AuthenticateCredentialRequest): Promise<AuthenticatedCredential> {
    return this.credentials.authenticate(request.keyHash);
  }
}
