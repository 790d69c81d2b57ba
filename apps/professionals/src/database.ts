import { DatabaseDefinition } from '@coop/platform';

export const professionalsDatabase: DatabaseDefinition = {
  schema: 'professionals',
  entities: [],
  migrations: [],
};
