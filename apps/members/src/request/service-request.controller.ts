import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CancelServiceRequestCommand,
  ListServiceRequestsRequest,
  RequestHistoryView,
  ServiceRequestIdRequest,
  ServiceRequestPage,
  ServiceRequestRpc,
  ServiceRequestView,
  SubmissionResult,
  SubmitServiceRequestCommand,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { ServiceRequestService } from './service-request.service.js';

@Controller()
export class ServiceRequestController {
  constructor(private readonly requests: ServiceRequestService) {}

  @RpcHandler(ServiceRequestRpc.submit)
  submit(@Payload() command: SubmitServiceRequestCommand): Promise<SubmissionResult> {
    return this.requests.submit(command);
  }

  @RpcHandler(ServiceRequestRpc.get)
  get(@Payload() request: ServiceRequestIdRequest): Promise<ServiceRequestView> {
    return this.requests.get(request);
  }

  @RpcHandler(ServiceRequestRpc.history)
  history(@Payload() request: ServiceRequestIdRequest): Promise<RequestHistoryView> {
    return this.requests.history(request);
  }

  @RpcHandler(ServiceRequestRpc.list)
  list(@Payload() query: ListServiceRequestsRequest): Promise<ServiceRequestPage> {
    return this.requests.list(query);
  }

  @RpcHandler(ServiceRequestRpc.cancel)
  cancel(@Payload() command: CancelServiceRequestCommand): Promise<ServiceRequestView> {
    return this.requests.cancel(command);
  }
}
