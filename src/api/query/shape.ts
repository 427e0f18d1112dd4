/**
 * Turns what the compiled Cypher returns (lists of values by position) into the response
 * shape (keyed by the client's field names and aliases), and builds connections.
 * It reads the driver's values as they come and converts each leaf on the way
 * (one walk over a large answer, not a conversion pass and then a shaping pass).
 */
import { toPlain } from '../../db';
import { encodeCursor, type CursorKey } from './cursor';

export type ObjectShape = ShapeField[];

/** `key` is the value's position in the compiled list. */
export type ShapeField =
  | { responseKey: string; kind: 'value'; key: number }
  | { responseKey: string; kind: 'object'; key: number; many: boolean; shape: ObjectShape }
  | { responseKey: string; kind: 'connection'; key: number; shape: ConnectionShape }
  | { responseKey: string; kind: 'constant'; value: unknown };

export interface ConnectionShape {
  first: number;
  hasAfter: boolean;
  fields: ConnectionField[];
}

export type ConnectionField =
  | { responseKey: string; kind: 'totalCount' }
  | { responseKey: string; kind: 'edges'; fields: EdgeField[] }
  /** `part`: which of the row's node lists this selection reads. */
  | { responseKey: string; kind: 'nodes'; part: number; shape: ObjectShape }
  | { responseKey: string; kind: 'pageInfo'; fields: { responseKey: string; name: string }[] }
  | { responseKey: string; kind: 'constant'; value: unknown };

export type EdgeField =
  | { responseKey: string; kind: 'cursor' }
  | { responseKey: string; kind: 'node'; part: number; shape: ObjectShape }
  | { responseKey: string; kind: 'constant'; value: unknown };

type Json = Record<string, unknown>;

/** One object from its compiled list of values (null stays null). */
export function shapeObject(value: unknown, shape: ObjectShape): Json | null {
  if (value === null || value === undefined) return null;
  const source = value as unknown[];
  const out: Json = {};
  for (const f of shape) {
    switch (f.kind) {
      case 'value':
        out[f.responseKey] = toPlain(source[f.key]);
        break;
      case 'object': {
        const inner = source[f.key];
        out[f.responseKey] = f.many
          ? ((inner as unknown[] | null) ?? []).map((v) => shapeObject(v, f.shape))
          : shapeObject(inner, f.shape);
        break;
      }
      case 'connection':
        out[f.responseKey] = shapeConnection(source[f.key] as RawConnection, f.shape);
        break;
      case 'constant':
        out[f.responseKey] = f.value;
        break;
    }
  }
  return out;
}

/** What the Cypher of a connection returns: the total (when asked) and first+1 rows. */
export interface RawConnection {
  t: number | null;
  r: { k: CursorKey; n: unknown[] }[];
}

export function shapeConnection(raw: RawConnection, shape: ConnectionShape): Json {
  const hasNextPage = raw.r.length > shape.first;
  const rows = raw.r.slice(0, shape.first);
  const cursors = rows.map((row) => encodeCursor(toPlain(row.k) as CursorKey));
  const out: Json = {};
  for (const f of shape.fields) {
    switch (f.kind) {
      case 'totalCount':
        out[f.responseKey] = toPlain(raw.t) ?? 0;
        break;
      case 'constant':
        out[f.responseKey] = f.value;
        break;
      case 'nodes':
        out[f.responseKey] = rows.map((row) => shapeObject(row.n[f.part], f.shape));
        break;
      case 'edges':
        out[f.responseKey] = rows.map((row, i) => {
          const edge: Json = {};
          for (const e of f.fields) {
            if (e.kind === 'cursor') edge[e.responseKey] = cursors[i];
            else if (e.kind === 'node') edge[e.responseKey] = shapeObject(row.n[e.part], e.shape);
            else edge[e.responseKey] = e.value;
          }
          return edge;
        });
        break;
      case 'pageInfo': {
        const info: Record<string, unknown> = {
          hasNextPage,
          hasPreviousPage: shape.hasAfter,
          startCursor: cursors[0] ?? null,
          endCursor: cursors[cursors.length - 1] ?? null,
          __typename: 'PageInfo',
        };
        out[f.responseKey] = Object.fromEntries(
          f.fields.map((p) => [p.responseKey, info[p.name] ?? null]),
        );
        break;
      }
    }
  }
  return out;
}
