import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, MessagingModule } from '@coop/platform';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { RecentAuthentications } from './auth/recent-authentications.js';
import { RouteAccessAudit } from './auth/route-access.audit.js';
import { GatewayConfig } from './config.js';
import { CredentialsController } from './credentials/credentials.controller.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { AssignmentsController } from './matching/assignments.controller.js';
import { MatchesController } from './matching/matches.controller.js';
import { MeController } from './me/me.controller.js';
import { MembersController } from './members/members.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ProfessionalsController } from './professionals/professionals.controller.js';
import { GatewayMetrics } from './metrics/metrics.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { RequestsController } from './requests/requests.controller.js';
import { TaxonomyController } from './taxonomy/taxonomy.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

@Module({})
export class GatewayAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        ConfigModule.forRoot(GatewayConfig, env),
        MessagingModule,
        TerminusModule,
        DiscoveryModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        TaxonomyController,
        MembersController,
        CredentialsController,
        MeController,
        RequestsController,
        MatchesController,
        AssignmentsController,
        WebhooksController,
        NotificationsController,
        ProfessionalsController,
      ],
      providers: [
        ReadinessService,
        GatewayMetrics,
        RouteAccessAudit,
        RecentAuthentications,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    };
  }
}
