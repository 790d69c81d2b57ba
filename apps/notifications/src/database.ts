import { DatabaseDefinition } from '@coop/platform';

export const notificationsDatabase: DatabaseDefinition = {
  schema: 'notifications',
  entities: [],
  migrations: [],
};
