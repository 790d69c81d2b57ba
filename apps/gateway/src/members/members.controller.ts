import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMemberRequest, ListMembersRequest, MemberPage, MemberRpc, MemberView, UpdateMemberBody } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { Roles } from '../auth/roles.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';

@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register a member federation or network' })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblems(400)
  create(@Body() body: CreateMemberRequest): Promise<MemberView> {
    return this.rpc.send(MemberRpc.create, body);
  }

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'List members, oldest first' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblems(400)
  list(@Query() query: ListMembersRequest): Promise<MemberPage> {
    return this.rpc.send(MemberRpc.list, query);
  }

  @Get(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'One member' })
  @ApiOkResponse({ type: MemberView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<MemberView> {
    return this.rpc.send(MemberRpc.get, { id });
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change some of a member’s fields (name, sector, language, region, contactEmail, autoAssign)' })
  @ApiOkResponse({ type: MemberView })
  @ApiProblems(400, 404)
  update(@IdParam() id: string, @Body() body: UpdateMemberBody): Promise<MemberView> {
    return this.rpc.send(MemberRpc.update, { ...body, id });
  }
}
