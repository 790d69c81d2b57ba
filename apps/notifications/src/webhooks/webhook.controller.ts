import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  EnabledWebhookEndpointView,
  EnableWebhookEndpointRequest,
  CreatedWebhookEndpointView,
  CreateWebhookEndpointRequest,
  ListWebhookDeliveriesRequest,
  ListWebhookEndpointsRequest,
  ReplayWebhookDeliveryRequest,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointPage,
  WebhookEndpointRef,
  WebhookEndpointView,
  WebhookRpc,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';

@Controller()
export class WebhookController {
  constructor(
    private readonly endpoints: WebhookEndpointService,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  @RpcHandler(WebhookRpc.create)
  create(@Payload() request: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpointView> {
    return this.endpoints.create(request);
  }

  @RpcHandler(WebhookRpc.list)
  list(@Payload() request: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    return this.endpoints.list(request);
  }

  @RpcHandler(WebhookRpc.get)
  get(@Payload() request: WebhookEndpointRef): Promise<WebhookEndpointView> {
    return this.endpoints.get(request);
  }

  @RpcHandler(WebhookRpc.delete)
  delete(@Payload() request: WebhookEndpointRef): Promise<WebhookEndpointView> {
    return this.endpoints.delete(request);
  }

  @RpcHandler(WebhookRpc.enable)
  enable(@Payload() request: EnableWebhookEndpointRequest): Promise<EnabledWebhookEndpointView> {
    return this.endpoints.enable(request);
  }

  @RpcHandler(WebhookRpc.deliveries)
  deliveriesOf(@Payload() request: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryPage> {
    return this.deliveries.list(request);
  }

  @RpcHandler(WebhookRpc.replay)
  replay(@Payload() request: ReplayWebhookDeliveryRequest): Promise<WebhookDeliveryView> {
    return this.deliveries.replay(request);
  }
}
