import { DomainException } from '@coop/contracts';

/** Keyset position after the last item of a page: its creation time and id (ties broken by id). */
export interface CursorPosition {
  at: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPosition>;
    if (typeof position.at === 'string' && !Number.isNaN(Date.parse(position.at)) && typeof position.id === 'string') {
      return { at: position.at, id: position.id };
    }
  } catch {
    // fall through to the validation error
  }
  throw DomainException.validation([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
}
