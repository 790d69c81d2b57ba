import 'reflect-metadata';
import { DomainException } from '@coop/contracts';
import { decodeSeqCursor, encodeSeqCursor, toPage } from './seq-cursor.js';

describe('seq cursor', () => {
  it('gives back the position it encoded', () => {
    expect(decodeSeqCursor(encodeSeqCursor('9007199254740993'))).toBe('9007199254740993');
    expect(decodeSeqCursor(undefined)).toBeUndefined();
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeSeqCursor('bm90LWEtY3Vyc29y')).toThrow(DomainException);
  });

  it('pages limit + 1 rows into a page and the cursor after its last item', () => {
    const rows = [{ seq: '1' }, { seq: '2' }, { seq: '3' }];

    expect(toPage(rows, 2, (row) => row.seq)).toEqual({ items: ['1', '2'], nextCursor: encodeSeqCursor('2') });
    expect(toPage(rows, 3, (row) => row.seq)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
  });
});
