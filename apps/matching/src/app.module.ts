import { DynamicModule, Module } from '@nestjs/common';
import { meilisearchCheck, ServiceKitModule } from '@coop/platform';
import { MatchingConfig } from './config.js';
import { matchingDatabase } from './database.js';
import { MatchingModule } from './matching.module.js';

@Module({})
export class MatchingAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MatchingAppModule,
      imports: [ServiceKitModule.forService({ service: 'matching', config: MatchingConfig, env, database: matchingDatabase, extraChecks: (config) => [meilisearchCheck(config.MEILI_URL)] }), MatchingModule],
    };
  }
}
