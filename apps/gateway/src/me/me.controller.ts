import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallerView, MemberRpc } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles, type Principal } from '../auth/roles.js';

@ApiTags('credentials')
@Controller('v1/me')
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles('admin', 'coordinator', 'partner')
  @ApiOperation({ summary: 'Who this API key is: its role and, for a partner, its member (a client signs in with it)' })
  @ApiOkResponse({ type: CallerView })
  async me(@CurrentPrincipal() caller: Principal): Promise<CallerView> {
    const member = caller.memberId ? await this.rpc.send(MemberRpc.get, { id: caller.memberId }) : undefined;
    return { credentialId: caller.credentialId, role: caller.role, memberId: caller.memberId ?? null, memberName: member?.name ?? null };
  }
}
