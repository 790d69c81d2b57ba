import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EnabledWebhookEndpointView,
  EnableWebhookEndpointQuery,
  CreatedWebhookEndpointView,
  ListWebhookEndpointsRequest,
  WebhookDeliveriesQuery,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointPage,
  WebhookEndpointView,
  WebhookRpc,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { memberScope, requiredMemberScope } from '../auth/member-scope.js';
import { Roles, type Principal } from '../auth/roles.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';
import { RegisterWebhookBody } from './register-webhook.body.js';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('partner', 'admin')
  @ApiOperation({ summary: 'Register a webhook endpoint; the signing secret (whsec_…) is returned once' })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointView })
  @ApiProblems(400, 404)
  create(@CurrentPrincipal() principal: Principal, @Body() body: RegisterWebhookBody): Promise<CreatedWebhookEndpointView> {
    const { memberId, ...input } = body;
    return this.rpc.send(WebhookRpc.create, { ...input, memberId: requiredMemberScope(principal, memberId) });
  }

  @Get()
  @Roles('partner', 'admin')
  @ApiOperation({ summary: "List webhook endpoints: a partner's own; an admin's all, or one member's with memberId" })
  @ApiOkResponse({ type: WebhookEndpointPage })
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    return this.rpc.send(WebhookRpc.list, { ...query, memberId: memberScope(principal, query.memberId) });
  }

  @Get(':id')
  @Roles('partner', 'admin')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointView })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<WebhookEndpointView> {
    return this.rpc.send(WebhookRpc.get, { id, memberId: memberScope(principal) });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('partner', 'admin')
  @ApiOperation({ summary: 'Delete a webhook endpoint with its delivery log; nothing more is sent to it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async delete(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    await this.rpc.send(WebhookRpc.delete, { id, memberId: memberScope(principal) });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('partner', 'admin')
  @ApiOperation({
    summary: 'Turn a disabled endpoint back on, and send it what it missed',
    description:
      'Deliveries held while the endpoint was disabled, and those whose retries ran out since it began failing, are sent again with their original webhook-id, in order (replayMissed=false gives them up instead; each can still be replayed alone).',
  })
  @ApiOkResponse({ type: EnabledWebhookEndpointView })
  @ApiProblems(400, 404)
  enable(@CurrentPrincipal() principal: Principal, @IdParam() id: string, @Query() query: EnableWebhookEndpointQuery): Promise<EnabledWebhookEndpointView> {
    return this.rpc.send(WebhookRpc.enable, { id, memberId: memberScope(principal), replayMissed: query.replayMissed });
  }

  @Get(':id/deliveries')
  @Roles('partner', 'admin')
  @ApiOperation({ summary: 'Delivery log of an endpoint, newest first, each with its attempts (status, latency, error)' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiProblems(400, 404)
  deliveries(@CurrentPrincipal() principal: Principal, @IdParam() id: string, @Query() query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPage> {
    return this.rpc.send(WebhookRpc.deliveries, { ...query, id, memberId: memberScope(principal) });
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @Roles('partner', 'admin')
  @ApiOperation({ summary: 'Send a delivery again, with its original webhook-id' })
  @ApiAcceptedResponse({ type: WebhookDeliveryView })
  @ApiProblems(400, 404, 409)
  replay(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.rpc.send(WebhookRpc.replay, { id, deliveryId, memberId: memberScope(principal) });
  }
}
