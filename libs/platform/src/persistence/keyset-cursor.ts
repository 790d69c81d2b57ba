import { DomainException } from '@coop/contracts';

/** Keyset position after the last item of a page: its creation time and id (ties broken by id). */
export interface CursorPosition {
  at: string;
  id: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPosition>;
    // Only values this API could have written: anything else would reach SQL as a bad timestamp or uuid.
    if (typeof position.at === 'string' && isIsoInstant(position.at) && typeof position.id === 'string' && UUID_PATTERN.test(position.id)) {
      return { at: position.at, id: position.id };
    }
  } catch {
    // fall through to the validation error
  }
  throw DomainException.validation([{ field: 'cursor', message: 'cursor is not one this API returned', constraint: 'unknownCursor' }]);
}

function isIsoInstant(value: string): boolean {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
