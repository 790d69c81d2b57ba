import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, PageQuery } from '@coop/contracts';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

export const DEFAULT_PAGE_SIZE = 50;

interface Keyed {
  createdAt: Date;
  id: string;
}

/**
 * One page of a list ordered by (created_at, id), continuing after the query's cursor. The
 * created_at columns keep milliseconds only (timestamptz(3)), so the cursor, which carries a JS
 * Date, names a row exactly and no row is skipped or repeated between pages.
 */
export async function keysetPage<Entity extends ObjectLiteral & Keyed, View>(
  builder: SelectQueryBuilder<Entity>,
  query: PageQuery,
  toView: (entity: Entity) => View,
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<View>> {
  const alias = builder.alias;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  builder.orderBy(`${alias}.created_at`, order).addOrderBy(`${alias}.id`, order).take(limit + 1);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    builder.andWhere(`(${alias}.created_at, ${alias}.id) ${order === 'ASC' ? '>' : '<'} (:cursorAt, :cursorId)`, { cursorAt: after.at, cursorId: after.id });
  }
  const rows = await builder.getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toView),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
