import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ReserveSharedRequest, SharedBookingRpc, SharedBookingView } from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { SharedBookingService } from './shared-booking.service.js';

@Controller()
export class SharedBookingController {
  constructor(private readonly shared: SharedBookingService) {}

  @RpcHandler(SharedBookingRpc)
  reserve(@Payload() request: ReserveSharedRequest): Promise<SharedBookingView> {
    return this.shared.reserve(request);
  }
}
