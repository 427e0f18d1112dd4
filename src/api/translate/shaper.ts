/**
 * Turns what the compiled Cypher returns (lists of values by position) into the response
 * shape (keyed by the client's field names and aliases), and builds connections.
 * It reads the driver's values as they come and completes each leaf on the way as graphql-js
 * would (the type's `serialize`, nulls checked against the schema), in one walk over a large
 * answer. An answer with nothing to object to is complete: the shaped-answer plugin sends it
 * without graphql-js walking it again.
 */
import {
  type GraphQLField,
  type GraphQLOutputType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { toPlain } from '../../db';
import { encodeCursor, type CursorKey } from './cursor';

export type ObjectShape = ShapeField[];

/** `key` is the value's position in the compiled list. */
export type ShapeField =
  | { responseKey: string; kind: 'value'; key: number; complete: Completer }
  | {
      responseKey: string;
      kind: 'object';
      key: number;
      many: boolean;
      /** A single object the Cypher gives as a list of at most one (related-field.ts). */
      listed?: boolean;
      /** The schema refuses null here (a single object only; lists come back empty, not null). */
      nonNull: boolean;
      shape: ObjectShape;
    }
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
  | { responseKey: string; kind: 'constant'; value: unknown }
  /** Counts over the whole list: each selected facet is `key` of the raw connection. */
  | { responseKey: string; kind: 'facets'; facets: FacetField[] };

export interface FacetField {
  responseKey: string;
  key: string;
  /** The selected fields of each count ({value, label, count}), by response key. */
  fields: { responseKey: string; name: string }[];
}

export type EdgeField =
  | { responseKey: string; kind: 'cursor' }
  | { responseKey: string; kind: 'node'; part: number; shape: ObjectShape }
  | { responseKey: string; kind: 'constant'; value: unknown };

type Json = Record<string, unknown>;

/** Completes a leaf value as graphql-js would, telling `shaper` what it could not complete. */
export type Completer = (value: unknown, shaper: Shaper) => unknown;

const completers = new WeakMap<GraphQLField<unknown, unknown>, Completer>();
const asIs: Completer = (value) => value;

/** How a field's values are completed; a field the schema does not know is taken as it comes. */
export function completerFor(field: GraphQLField<unknown, unknown> | undefined): Completer {
  if (!field) return asIs;
  let completer = completers.get(field);
  if (!completer) {
    completer = completerOf(field.type);
    completers.set(field, completer);
  }
  return completer;
}

function completerOf(type: GraphQLOutputType): Completer {
  if (isNonNullType(type)) {
    const inner = completerOf(type.ofType);
    return (value, shaper) => {
      if (value === null || value === undefined) return shaper.problem(null);
      return inner(value, shaper);
    };
  }
  if (isListType(type)) {
    const item = completerOf(type.ofType);
    return (value, shaper) => {
      if (value === null || value === undefined) return null;
      return Array.isArray(value) ? value.map((v) => item(v, shaper)) : shaper.problem(value);
    };
  }
  if (isLeafType(type)) {
    return (value, shaper) => {
      if (value === null || value === undefined) return null;
      try {
        return type.serialize(value);
      } catch {
        return shaper.problem(value);
      }
    };
  }
  return (value, shaper) => shaper.problem(value);
}

const complete = new WeakSet<object>();

/** Whether a root field's answer came whole from a Shaper that found nothing to object to. */
export function isCompleteAnswer(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && complete.has(answer);
}

/** Shapes one root field's answer. */
export class Shaper {
  /** Values graphql-js would not let through as they are (it nulls them and reports an error). */
  private problems = 0;

  /** Counts a value graphql-js would refuse, and keeps it for graphql-js to refuse. */
  problem(value: unknown): unknown {
    this.problems++;
    return value;
  }

  /** The answer, marked complete when nothing in it needs graphql-js's completion. */
  finish<T>(answer: T): T {
    if (this.problems === 0 && typeof answer === 'object' && answer !== null) complete.add(answer);
    return answer;
  }

  /** One object from its compiled list of values (null stays null). */
  object(value: unknown, shape: ObjectShape): Json | null {
    if (value === null || value === undefined) return null;
    const source = value as unknown[];
    const out: Json = {};
    for (const f of shape) {
      switch (f.kind) {
        case 'value':
          out[f.responseKey] = f.complete(toPlain(source[f.key]), this);
          break;
        case 'object': {
          const inner = source[f.key];
          if (f.many) {
            out[f.responseKey] = ((inner as unknown[] | null) ?? []).map((v) =>
              this.object(v, f.shape),
            );
          } else {
            const object = this.object(
              f.listed ? ((inner as unknown[] | null)?.[0] ?? null) : inner,
              f.shape,
            );
            out[f.responseKey] = object === null && f.nonNull ? this.problem(null) : object;
          }
          break;
        }
        case 'connection':
          out[f.responseKey] = this.connection(source[f.key] as RawConnection, f.shape);
          break;
        case 'constant':
          out[f.responseKey] = f.value;
          break;
      }
    }
    return out;
  }

  connection(raw: RawConnection, shape: ConnectionShape): Json {
    const hasNextPage = raw.r.length > shape.first;
    const rows = raw.r.slice(0, shape.first);
    // Encoded when asked for: a page of 100 rows whose client reads only endCursor (the rights
    // matrix) encoded 100, about 0.08 ms of the API's CPU.
    const cursors: (string | undefined)[] = [];
    const cursor = (i: number): string | null => {
      const row = rows[i];
      if (!row) return null;
      return (cursors[i] ??= encodeCursor(toPlain(row.k) as CursorKey));
    };
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
          out[f.responseKey] = rows.map((row) => this.object(row.n[f.part], f.shape));
          break;
        case 'edges':
          out[f.responseKey] = rows.map((row, i) => {
            const edge: Json = {};
            for (const e of f.fields) {
              if (e.kind === 'cursor') edge[e.responseKey] = cursor(i);
              else if (e.kind === 'node') edge[e.responseKey] = this.object(row.n[e.part], e.shape);
              else edge[e.responseKey] = e.value;
            }
            return edge;
          });
          break;
        case 'facets':
          out[f.responseKey] = Object.fromEntries(
            f.facets.map((facet) => [
              facet.responseKey,
              (raw[facet.key as `f${number}`] ?? []).map((count) =>
                Object.fromEntries(
                  facet.fields.map((c) => [
                    c.responseKey,
                    c.name === '__typename' ? 'FacetCount' : toPlain(count[c.name]),
                  ]),
                ),
              ),
            ]),
          );
          break;
        case 'pageInfo': {
          const info = (name: string): unknown => {
            switch (name) {
              case 'hasNextPage':
                return hasNextPage;
              case 'hasPreviousPage':
                return shape.hasAfter;
              case 'startCursor':
                return cursor(0);
              case 'endCursor':
                return cursor(rows.length - 1);
              case '__typename':
                return 'PageInfo';
              default:
                return null;
            }
          };
          out[f.responseKey] = Object.fromEntries(
            f.fields.map((p) => [p.responseKey, info(p.name)]),
          );
          break;
        }
      }
    }
    return out;
  }
}

/** What the Cypher of a connection returns: the total (when asked) and first+1 rows. */
export interface RawConnection {
  t: number | null;
  r: { k: CursorKey; n: unknown[] }[];
  /** Facet counts, `f0`, `f1`... when selected. */
  [facet: `f${number}`]: Record<string, unknown>[] | undefined;
}
