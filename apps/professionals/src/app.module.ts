import { DynamicModule, Module } from '@nestjs/common';
import { meilisearchCheck, ServiceKitModule } from '@coop/platform';
import { AvailabilityModule } from './availability/availability.module.js';
import { ProfessionalsConfig } from './config.js';
import { professionalsDatabase } from './database.js';
import { ProfessionalModule } from './profiles/professional.module.js';
import { SearchModule } from './search/search.module.js';

@Module({})
export class ProfessionalsAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: ProfessionalsAppModule,
      imports: [
        ServiceKitModule.forService({ service: 'professionals', config: ProfessionalsConfig, env, database: professionalsDatabase, extraChecks: (config) => [meilisearchCheck(config.MEILI_URL)] }),
        ProfessionalModule,
        AvailabilityModule,
        SearchModule,
      ],
    };
  }
}
