import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

// SQL for the statements of a hot path (submitting, matching, booking), built from the entities:
// reading and writing rows this way costs a fraction of TypeORM's entity loading and persisting,
// and the entity stays the one home of its columns. Each text is built once and is the same at
// every call, so the connection prepares it once (ServicePgClient).

type Entity = EntityTarget<ObjectLiteral> & object;

/** One SQL statement and its parameters ($1…), to run as it is or inside another (a CTE). */
export interface Statement {
  text: string;
  values: unknown[];
}

const texts = new WeakMap<object, Map<string, string>>();

function cached(entity: Entity, key: string, build: () => string): string {
  const byKey = texts.get(entity) ?? new Map<string, string>();
  texts.set(entity, byKey);
  let text = byKey.get(key);
  if (text === undefined) {
    text = build();
    byKey.set(key, text);
  }
  return text;
}

function columnsOf(manager: EntityManager, entity: Entity): ColumnMetadata[] {
  return manager.connection.getMetadata(entity).columns;
}

/**
 * The entity's columns as a SELECT (or RETURNING) list whose rows already have the entity's shape:
 * each column named by its property, `date` columns as 'YYYY-MM-DD' text and `numeric` ones as
 * numbers (what TypeORM gives for them here). `alias` qualifies each column (`r."status"`).
 */
export function entitySelect(manager: EntityManager, entity: Entity, alias?: string): string {
  return cached(entity, `select ${alias ?? ''}`, () => {
    const prefix = alias ? `${alias}.` : '';
    return columnsOf(manager, entity)
      .map((column) => {
        const cast = column.type === 'date' ? '::text' : column.type === 'numeric' ? '::float8' : '';
        return `${prefix}"${column.databaseName}"${cast} AS "${column.propertyName}"`;
      })
      .join(', ');
  });
}

/**
 * An INSERT of one row, the entity's columns named by the properties `row` sets (undefined ones are
 * left to their default), followed by `tail` (`ON CONFLICT …`, `RETURNING …`).
 */
export function entityInsert(manager: EntityManager, entity: Entity, entityRow: object, tail = ''): Statement {
  const row = entityRow as Record<string, unknown>;
  const columns = columnsOf(manager, entity).filter((column) => row[column.propertyName] !== undefined);
  const text = cached(entity, `insert ${columns.map((column) => column.propertyName).join(',')} ${tail}`, () => {
    const table = manager.connection.getMetadata(entity).tableName;
    const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
    const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
    return `INSERT INTO "${table}" (${names}) VALUES (${placeholders})${tail ? ` ${tail}` : ''}`;
  });
  const values = columns.map((column) => {
    const value = row[column.propertyName];
    return column.type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
  });
  return { text, values };
}

/**
 * One statement that runs `along` (statements such as entityInsert builds, whose only `$` are their
 * parameters) as CTEs, then `main`, which names its own parameters with `param(value)`: several
 * writes of one transaction in one round trip.
 */
export function statementWith(along: Statement[], main: (param: (value: unknown) => string) => string): Statement {
  const values: unknown[] = [];
  const ctes = along.map((statement, k) => {
    // Its $1… follow the parameters of the statements before it.
    const offset = values.length;
    values.push(...statement.values);
    return `along${k + 1} AS (${statement.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  const text = main((value) => `$${values.push(value)}`);
  return { text: ctes.length > 0 ? `WITH ${ctes.join(', ')} ${text}` : text, values };
}
