import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@coop/platform';
import { NotificationsConfig } from './config.js';
import { notificationsDatabase } from './database.js';
import { EmailModule } from './email/email.module.js';
import { FeedModule } from './feed/feed.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

@Module({})
export class NotificationsAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: NotificationsAppModule,
      imports: [
        ServiceKitModule.forService({ service: 'notifications', config: NotificationsConfig, env, database: notificationsDatabase }),
        WebhooksModule,
        EmailModule,
        FeedModule,
        LifecycleModule,
      ],
    };
  }
}
