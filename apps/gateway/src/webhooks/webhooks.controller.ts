import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
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
import { RegisterWebhookBody } from './register-webhook.body.js';

const uuid = () => new ParseUUIDPipe({ version: '4' });
const NOT_YOURS = "Unknown, or another member's (a partner only sees its own member's)";

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('partner')
  @ApiOperation({ summary: 'Register a webhook endpoint; the signing secret (whsec_…) is returned once' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: RegisterWebhookBody): Promise<CreatedWebhookEndpointView> {
    const { memberId, ...input } = body;
    return this.rpc.send(WebhookRpc.create, { ...input, memberId: requiredMemberScope(principal, memberId) });
  }

  @Get()
  @Roles('partner')
  @ApiOperation({ summary: "List webhook endpoints: a partner's own; an admin's all, or one member's with memberId" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    return this.rpc.send(WebhookRpc.list, { ...query, memberId: memberScope(principal, query.memberId) });
  }

  @Get(':id')
  @Roles('partner')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) id: string): Promise<WebhookEndpointView> {
    return this.rpc.send(WebhookRpc.get, { id, memberId: memberScope(principal) });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('partner')
  @ApiOperation({ summary: 'Delete a webhook endpoint with its delivery log; nothing more is sent to it' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) id: string): Promise<void> {
    await this.rpc.send(WebhookRpc.delete, { id, memberId: memberScope(principal) });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: 'Turn a disabled endpoint back on (its failed deliveries can then be replayed)' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  enable(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) id: string): Promise<WebhookEndpointView> {
    return this.rpc.send(WebhookRpc.enable, { id, memberId: memberScope(principal) });
  }

  @Get(':id/deliveries')
  @Roles('partner')
  @ApiOperation({ summary: 'Delivery log of an endpoint, newest first, each with its attempts (status, latency, error)' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  deliveries(@CurrentPrincipal() principal: Principal, @Param('id', uuid()) id: string, @Query() query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPage> {
    return this.rpc.send(WebhookRpc.deliveries, { ...query, id, memberId: memberScope(principal) });
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @Roles('partner')
  @ApiOperation({ summary: 'Send a delivery again, with its original webhook-id' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  replay(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('deliveryId', uuid()) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.rpc.send(WebhookRpc.replay, { id, deliveryId, memberId: memberScope(principal) });
  }
}
