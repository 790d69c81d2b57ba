import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMemberRequest, ListMembersRequest, MemberPage, MemberRpc, MemberView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { Roles } from '../auth/roles.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('v1/members')
export class MembersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register a member federation or network' })
  create(@Body() body: CreateMemberRequest): Promise<MemberView> {
    return this.rpc.send(MemberRpc.create, body);
  }

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'List members, oldest first' })
  list(@Query() query: ListMembersRequest): Promise<MemberPage> {
    return this.rpc.send(MemberRpc.list, query);
  }

  @Get(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'One member' })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<MemberView> {
    return this.rpc.send(MemberRpc.get, { id });
  }
}
