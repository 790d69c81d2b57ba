import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, MessagingModule } from '@coop/platform';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { GatewayConfig } from './config.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { AssignmentsController } from './matching/assignments.controller.js';
import { MatchesController } from './matching/matches.controller.js';
import { MembersController } from './members/members.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { GatewayMetrics } from './metrics/metrics.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { TaxonomyController } from './taxonomy/taxonomy.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

@Module({})
export class GatewayAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [ConfigModule.forRoot(GatewayConfig, env), MessagingModule, TerminusModule],
      controllers: [HealthController, MetricsController, TaxonomyController, MembersController, MatchesController, AssignmentsController, WebhooksController, NotificationsController],
      providers: [ReadinessService, GatewayMetrics, { provide: APP_GUARD, useClass: ApiKeyGuard }],
    };
  }
}
