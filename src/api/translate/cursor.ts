/**
 * Keyset cursors: a cursor names the sort key of the last row seen, not an offset,
 * so pages stay stable while rows are added and the database seeks instead of skipping.
 */
import { AppError } from '../../errors';

export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` key parts; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => k === null || typeof k === 'string' || typeof k === 'number')
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(
    'BAD_USER_INPUT',
    `"after" is not a cursor of this list: pass an endCursor or cursor returned by it`,
    {
      argument: 'after',
    },
  );
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Checks `first`: a positive page size no larger than the maximum. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError('BAD_USER_INPUT', `"first" must be between 1 and ${max}, got ${n}`, {
      argument: 'first',
      max,
    });
  }
  return n;
}
