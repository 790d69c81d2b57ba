import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@coop/platform';
import { MembersConfig } from './config.js';
import { CredentialModule } from './credential/credential.module.js';
import { membersDatabase } from './database.js';
import { MemberModule } from './member/member.module.js';
import { ServiceRequestModule } from './request/service-request.module.js';

@Module({})
export class MembersAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MembersAppModule,
      imports: [
        ServiceKitModule.forService({ service: 'members', config: MembersConfig, env, database: membersDatabase }),
        MemberModule,
        CredentialModule,
        ServiceRequestModule,
      ],
    };
  }
}
