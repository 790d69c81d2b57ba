import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CoordinatorNotificationPage,
  CoordinatorNotificationView,
  ListNotificationsRequest,
  MarkNotificationReadRequest,
  NotificationRpc,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { FeedService } from './feed.service.js';

@Controller()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @RpcHandler(NotificationRpc.list)
  list(@Payload() request: ListNotificationsRequest): Promise<CoordinatorNotificationPage> {
    return this.feed.list(request);
  }

  @RpcHandler(NotificationRpc.markRead)
  markRead(@Payload() request: MarkNotificationReadRequest): Promise<CoordinatorNotificationView> {
    return this.feed.markRead(request);
  }
}
