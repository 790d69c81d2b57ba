import { defineRpc } from '../messaging/rpc-contract.js';
import {
  AssignmentPage,
  AssignmentView,
  AssignRequest,
  CompleteAssignmentRequest,
  DeclineAssignmentRequest,
  ListAssignmentsRequest,
  MatchListView,
  MatchSearchRequest,
  RequestMatchesRequest,
  StatementRequest,
  StatementView,
} from './matching.dto.js';
import { AssignSharedRequest, SharedAssignmentView } from './shared-assignment.dto.js';

export const MatchingRpc = {
  requestMatches: defineRpc('matching.request.matches.v1', RequestMatchesRequest, MatchListView),
  search: defineRpc('matching.search.v1', MatchSearchRequest, MatchListView),
  assign: defineRpc('matching.assignment.create.v1', AssignRequest, AssignmentView),
  /** A request shared between professionals, every part booked or none. */
  assignShared: defineRpc('matching.assignment.create-shared.v1', AssignSharedRequest, SharedAssignmentView),
  decline: defineRpc('matching.assignment.decline.v1', DeclineAssignmentRequest, AssignmentView),
  complete: defineRpc('matching.assignment.complete.v1', CompleteAssignmentRequest, AssignmentView),
  listAssignments: defineRpc('matching.assignment.list.v1', ListAssignmentsRequest, AssignmentPage),
  statement: defineRpc('matching.statement.get.v1', StatementRequest, StatementView),
} as const;
