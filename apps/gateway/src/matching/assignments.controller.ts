import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignmentPage, AssignmentView, ListAssignmentsRequest, MatchingRpc, SharedAssignmentView, StatementView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { requiredMemberScope } from '../auth/member-scope.js';
import { Roles, type Principal } from '../auth/roles.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';
import { AssignBody, CompleteBody, DeclineBody, SharedAssignBody, StatementQuery } from './matching.http.js';

@ApiTags('assignments')
@Controller('v1')
export class AssignmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('requests/:id/assignments')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Assign a professional, or override the current assignment (capacity is checked the same way)' })
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiProblems(400, 404, 409)
  assign(@IdParam() requestId: string, @Body() body: AssignBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.assign, { ...body, requestId });
  }

  @Post('requests/:id/shared-assignments')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Share a request between professionals: each part booked for its hours, all of them or none',
    description:
      'The parts’ hours add up to the request’s estimatedHours; each professional takes one part, over the request’s window. Every part is checked against ' +
      'the availability invariant and booked in one step: one that does not fit (409 capacity_exceeded) books none. Replaces the current assignment, or ' +
      'keeps a part of the current share asked again as it is (to replace a part that declined).',
  })
  @ApiCreatedResponse({ type: SharedAssignmentView })
  @ApiProblems(400, 404, 409)
  assignShared(@IdParam() requestId: string, @Body() body: SharedAssignBody): Promise<SharedAssignmentView> {
    return this.rpc.send(MatchingRpc.assignShared, { ...body, requestId });
  }

  @Post('assignments/:id/decline')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({
    summary: 'The professional declines: the booking is released and the request is matched again without them',
    description: 'A part of a shared request: the other parts keep theirs, and the request is matched again for the declined part’s hours only.',
  })
  @ApiOkResponse({ type: AssignmentView })
  @ApiProblems(400, 404, 409)
  decline(@IdParam() assignmentId: string, @Body() body: DeclineBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.decline, { ...body, assignmentId });
  }

  @Post('assignments/:id/complete')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Work done: record the hours spent (they are what the statement charges)',
    description: 'A part of a shared request records that professional’s hours; the request is completed with its last part.',
  })
  @ApiOkResponse({ type: AssignmentView })
  @ApiProblems(400, 404, 409)
  complete(@IdParam() assignmentId: string, @Body() body: CompleteBody): Promise<AssignmentView> {
    return this.rpc.send(MatchingRpc.complete, { ...body, assignmentId });
  }

  @Get('assignments')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Assignments by professional, member and status, newest first' })
  @ApiOkResponse({ type: AssignmentPage })
  @ApiProblems(400)
  list(@Query() query: ListAssignmentsRequest): Promise<AssignmentPage> {
    return this.rpc.send(MatchingRpc.listAssignments, query);
  }

  @Get('members/:id/statement')
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'At-cost statement of a month: hours × cost rate per assignment, and totals' })
  @ApiOkResponse({ type: StatementView })
  @ApiProblems(400, 404)
  statement(@CurrentPrincipal() principal: Principal, @IdParam() memberId: string, @Query() query: StatementQuery): Promise<StatementView> {
    return this.rpc.send(MatchingRpc.statement, { memberId: requiredMemberScope(principal, memberId), month: query.month });
  }
}
