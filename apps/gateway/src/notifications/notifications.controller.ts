import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CoordinatorNotificationPage, CoordinatorNotificationView, type LanguageCode, NotificationRpc, NotificationsQuery } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles, type Principal } from '../auth/roles.js';
import { CallerLanguage } from '../http/accept-language.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Coordinator feed, newest first: unmatched requests, declines, urgent requests (admins also see disabled webhook endpoints)' })
  @ApiOkResponse({ type: CoordinatorNotificationPage })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NotificationsQuery,
    @CallerLanguage() language: LanguageCode,
  ): Promise<CoordinatorNotificationPage> {
    return this.rpc.send(NotificationRpc.list, { ...query, includeAdmin: principal.role === 'admin', language });
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Mark a feed entry read' })
  @ApiOkResponse({ type: CoordinatorNotificationView })
  @ApiProblems(400, 404)
  markRead(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @CallerLanguage() language: LanguageCode,
  ): Promise<CoordinatorNotificationView> {
    return this.rpc.send(NotificationRpc.markRead, { id, includeAdmin: principal.role === 'admin', language });
  }
}
