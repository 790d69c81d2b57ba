import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignmentPage, AssignmentView, ListAssignmentsRequest, MatchingRpc, StatementView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { requiredMemberScope } from '../auth/member-scope.js';
import { Roles, type Principal } from '../auth/roles.js';
import { AssignBody, CompleteBody, DeclineBody, StatementQuery } from './matching.http.js';

const uuid = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('v1')
export class AssignmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('requests/:id/assignments')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Assign a professional, or override the current assignment (capacity is checked the same way)' })
  assign(@Param('id', uuid()) requestId: string, @Body() body: AssignBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.assign, { ...body, requestId });
  }

  @Post('assignments/:id/decline')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'The professional declines: the booking is released and the request is matched again without them' })
  decline(@Param('id', uuid()) assignmentId: string, @Body() body: DeclineBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.decline, { ...body, assignmentId });
  }

  @Post('assignments/:id/complete')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Work done: record the hours spent (they are what the statement charges)' })
  complete(@Param('id', uuid()) assignmentId: string, @Body() body: CompleteBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.complete, { ...body, assignmentId });
  }

  @Get('assignments')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Assignments by professional, member and status, newest first' })
  list(@Query() query: ListAssignmentsRequest): Promise<AssignmentPage> {
    return this.rpc.send(MatchingRpc.listAssignments, query);
  }

  @Get('members/:id/statement')
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'At-cost statement of a month: hours × cost rate per assignment, and totals' })
  statement(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) memberId: string, @Query() query: StatementQuery): Promise<StatementView> {
    return this.rpc.send(MatchingRpc.statement, { memberId: requiredMemberScope(principal, memberId), month: query.month });
  }
}
