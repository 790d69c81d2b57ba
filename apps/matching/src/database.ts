import { DatabaseDefinition } from '@coop/platform';

export const matchingDatabase: DatabaseDefinition = {
  schema: 'matching',
  entities: [],
  migrations: [],
};
