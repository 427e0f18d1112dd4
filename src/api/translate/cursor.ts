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
  throw notACursor();
}

/** How a sort key's cursor value is compared again (OrderKey.kind). */
export type CursorValueKind = 'string' | 'number' | 'date' | 'datetime';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Neo4j's text of a datetime: seconds and fractions optional, an offset and/or a zone id. */
const DATETIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})(?::\d{2})?)?(?:\[([A-Za-z0-9_+\-/]{1,64})\])?$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // years 0 to 99 are not 1900 to 1999
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isDateTime(text: string): boolean {
  const m = DATETIME.exec(text);
  if (!m || !isCalendarDate(m[1]!)) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[6] !== undefined && (Number(m[6]) > 18 || Number(m[7]) > 59)) return false;
  return m[8] === undefined || isKnownZone(m[8]);
}

const FITS: Record<CursorValueKind, (value: string | number) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  date: (v) => typeof v === 'string' && isCalendarDate(v),
  datetime: (v) => typeof v === 'string' && isDateTime(v),
};

/**
 * Checks a decoded cursor's values against its list's sort keys, before they reach Cypher: a
 * cursor of another list with as many keys (a name where a date is expected) is the client's
 * mistake, BAD_USER_INPUT, not a database error.
 */
export function checkCursorValues(key: CursorKey, kinds: readonly CursorValueKind[]): void {
  const fits = kinds.every((kind, i) => {
    const value = key[i];
    return value === null || (value !== undefined && FITS[kind](value));
  });
  if (!fits || key.length !== kinds.length) throw notACursor();
}

function notACursor(): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    `"after" is not a cursor of this list: pass an endCursor or cursor returned by it`,
    { argument: 'after' },
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
