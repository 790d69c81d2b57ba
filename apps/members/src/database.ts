import { DatabaseDefinition } from '@coop/platform';
import { MemberEntity } from './member/member.entity.js';
import { CreateMembers1795676371311 } from './migrations/1795676371311-create-members.js';

export const membersDatabase: DatabaseDefinition = {
  schema: 'members',
  entities: [MemberEntity],
  migrations: [CreateMembers1795676371311],
};
