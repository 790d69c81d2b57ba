import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CredentialRpc, IssueCredentialRequest, IssuedCredentialView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { RecentAuthentications } from '../auth/recent-authentications.js';
import { Roles } from '../auth/roles.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';

@ApiTags('credentials')
@Controller('v1/credentials')
export class CredentialsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly recent: RecentAuthentications,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Issue an API key (admin, coordinator, or partner bound to one member). The key is in this answer only.' })
  @ApiCreatedResponse({ type: IssuedCredentialView })
  @ApiProblems(400)
  issue(@Body() body: IssueCredentialRequest): Promise<IssuedCredentialView> {
    return this.rpc.send(CredentialRpc.issue, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key: refused from the next request on' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiProblems(400, 404)
  async revoke(@IdParam() id: string): Promise<void> {
    await this.rpc.send(CredentialRpc.revoke, { id });
    // Other gateway replicas forget it on members' broadcast of the revocation.
    this.recent.forgetCredential(id);
  }
}
