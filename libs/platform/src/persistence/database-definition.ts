import type { MixedList } from 'typeorm';

/** What a service declares about its persistence: its schema, entities and ordered migrations. */
export interface DatabaseDefinition {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}
