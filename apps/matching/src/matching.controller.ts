import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AssignmentPage,
  AssignmentView,
  AssignRequest,
  AssignSharedRequest,
  SharedAssignmentView,
  CompleteAssignmentRequest,
  DeclineAssignmentRequest,
  ListAssignmentsRequest,
  MatchingRpc,
  MatchListView,
  MatchSearchRequest,
  RequestMatchesRequest,
  StatementRequest,
  StatementView,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { AssignmentQueries } from './assignment/assignment-queries.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { MatchQueries } from './matches/match-queries.js';
import { SharedAssignmentService } from './assignment/shared-assignment.service.js';

@Controller()
export class MatchingController {
  constructor(
    private readonly matches: MatchQueries,
    private readonly assignments: AssignmentService,
    private readonly queries: AssignmentQueries,
    private readonly shared: SharedAssignmentService,
  ) {}

  @RpcHandler(MatchingRpc.requestMatches)
  requestMatches(@Payload() request: RequestMatchesRequest): Promise<MatchListView> {
    return this.matches.forRequest(request);
  }

  @RpcHandler(MatchingRpc.search)
  search(@Payload() request: MatchSearchRequest): Promise<MatchListView> {
    return this.matches.search(request);
  }

  @RpcHandler(MatchingRpc.assign)
  assign(@Payload() request: AssignRequest): Promise<AssignmentView> {
    return this.assignments.assign(request);
  }

  @RpcHandler(MatchingRpc.assignShared)
  assignShared(@Payload() request: AssignSharedRequest): Promise<SharedAssignmentView> {
    return this.shared.assign(request);
  }

  @RpcHandler(MatchingRpc.decline)
  decline(@Payload() request: DeclineAssignmentRequest): Promise<AssignmentView> {
    return this.assignments.decline(request);
  }

  @RpcHandler(MatchingRpc.complete)
  complete(@Payload() request: CompleteAssignmentRequest): Promise<AssignmentView> {
    return this.assignments.complete(request);
  }

  @RpcHandler(MatchingRpc.listAssignments)
  listAssignments(@Payload() request: ListAssignmentsRequest): Promise<AssignmentPage> {
    return this.queries.list(request);
  }

  @RpcHandler(MatchingRpc.statement)
  statement(@Payload() request: StatementRequest): Promise<StatementView> {
    return this.queries.statement(request);
  }
}
