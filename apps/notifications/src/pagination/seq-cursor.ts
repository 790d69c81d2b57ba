import { DomainException } from '@coop/contracts';

/**
 * Opaque cursor over a list ordered by a row's `seq` (a bigint that only grows): the position is
 * the seq of the last item returned.
 */
export function encodeSeqCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

export function decodeSeqCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw DomainException.validation([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
  return match[1];
}

export const DEFAULT_PAGE_SIZE = 50;

/** Takes the page out of `limit + 1` rows and the cursor for the next one. */
export function toPage<Row extends { seq: string }, Item>(rows: Row[], limit: number, view: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(view), nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null };
}
