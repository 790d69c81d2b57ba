import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CancelServiceRequestBody,
  DomainException,
  IDEMPOTENCY_KEY_PATTERN,
  ListServiceRequestsRequest,
  RequestHistoryView,
  ServiceRequestPage,
  ServiceRequestRpc,
  ServiceRequestView,
  SubmissionAccepted,
  SubmitServiceRequestBody,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { memberScope, requiredMemberScope } from '../auth/member-scope.js';
import { type Principal, Roles } from '../auth/roles.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

@ApiTags('requests')
@Controller('v1/requests')
export class RequestsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(202)
  @Roles('partner', 'coordinator')
  @ApiOperation({
    summary: 'Submit a service request (a partner for its own member; a coordinator names memberId)',
    description:
      'Matching starts right after. With an Idempotency-Key (kept 24 h per API key), the same key and body answer the first ' +
      'response again (with Idempotent-Replayed: true), another body answers 422, and a call while the first is still running 409.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Any unique string (e.g. a UUID), 1 to 255 printable ASCII characters',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN.source },
  })
  @ApiAcceptedResponse({
    type: SubmissionAccepted,
    headers: { 'Idempotent-Replayed': { description: '"true" when this is the stored answer of an earlier call', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404, 409, 422)
  async submit(
    @Body() body: SubmitServiceRequestBody,
    @CurrentPrincipal() caller: Principal,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmissionAccepted> {
    const { memberId, ...fields } = body;
    const result = await this.rpc.send(ServiceRequestRpc.submit, {
      ...fields,
      memberId: requiredMemberScope(caller, memberId),
      ...(idempotencyKey === undefined ? {} : { idempotency: { scope: caller.credentialId, key: checkedIdempotencyKey(idempotencyKey) } }),
    });
    if (result.replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return { id: result.id, status: result.status };
  }

  @Get()
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'List service requests, newest first (a partner sees its own member’s only)' })
  @ApiOkResponse({ type: ServiceRequestPage })
  @ApiProblems(400, 404)
  list(@Query() query: ListServiceRequestsRequest, @CurrentPrincipal() caller: Principal): Promise<ServiceRequestPage> {
    return this.rpc.send(ServiceRequestRpc.list, { ...query, memberId: memberScope(caller, query.memberId) });
  }

  @Get(':id')
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'One service request: its status and, once assigned, the assignment' })
  @ApiOkResponse({ type: ServiceRequestView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string, @CurrentPrincipal() caller: Principal): Promise<ServiceRequestView> {
    return this.rpc.send(ServiceRequestRpc.get, { id, memberId: memberScope(caller) });
  }

  @Get(':id/history')
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'Every step of a request’s life, oldest first: submitted, matched, assigned, declined with reason, completed…' })
  @ApiOkResponse({ type: RequestHistoryView })
  @ApiProblems(400, 404)
  history(@IdParam() id: string, @CurrentPrincipal() caller: Principal): Promise<RequestHistoryView> {
    return this.rpc.send(ServiceRequestRpc.history, { id, memberId: memberScope(caller) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('partner', 'coordinator')
  @ApiOperation({ summary: 'Cancel a request that is not completed (cancelling it again changes nothing)' })
  @ApiOkResponse({ type: ServiceRequestView })
  @ApiProblems(400, 404, 409)
  cancel(@IdParam() id: string, @Body() body: CancelServiceRequestBody, @CurrentPrincipal() caller: Principal): Promise<ServiceRequestView> {
    return this.rpc.send(ServiceRequestRpc.cancel, { id, memberId: memberScope(caller), ...(body?.reason ? { reason: body.reason } : {}) });
  }
}

function checkedIdempotencyKey(value: string): string {
  if (IDEMPOTENCY_KEY_PATTERN.test(value)) return value;
  throw DomainException.validation([
    { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces', constraint: 'idempotencyKey' },
  ]);
}
