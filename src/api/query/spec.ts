/**
 * How GraphQL object types map onto the graph, for the selection compiler.
 * Each entity type declares, beside its type-graphql class, how each field is read.
 */
import type { CypherScope } from './scope';

export type Args = Record<string, unknown>;

/** A sort key of a keyset-paginated list. `expr` must never be null (coalesce it). */
export interface OrderKey {
  expr: (v: string) => string;
  direction: 'ASC' | 'DESC';
  /** How a cursor value becomes comparable again. */
  kind: 'string' | 'number' | 'date' | 'datetime';
}

export type FieldSpec =
  /** A node property (named like the field unless `property` says otherwise). */
  | { kind: 'property'; property?: string }
  /** A property of the relationship an edge type stands for. */
  | { kind: 'relationshipProperty'; property?: string }
  /** A computed value. */
  | { kind: 'expression'; expr: (v: string, args: Args, scope: CypherScope) => string }
  /** A value object read from the same node's properties (a plan's price), null unless `present`. */
  | { kind: 'embedded'; target: string; present: (v: string) => string }
  /** A node, or a list of nodes, that an expression gives (a variable the root query bound, a map entry). */
  | { kind: 'nodeExpression'; target: string; many: boolean; expr: (v: string) => string }
  /** The node at the far end of an edge type's relationship. */
  | { kind: 'endNode'; target: string }
  /**
   * Related nodes. `match` returns a MATCH (and optional WHERE) binding `t`
   * (and `r` for edge types) from `v`.
   */
  | {
      kind: 'related';
      target: string;
      many: boolean;
      match: (v: string, t: string, r: string, args: Args, scope: CypherScope) => string;
      orderBy?: (t: string, r: string) => string;
    }
  /** A paginated list (Relay connection) of related nodes, in keyset order. */
  | {
      kind: 'connection';
      target: string;
      match: (v: string, t: string, args: Args, scope: CypherScope) => string;
      order: OrderKey[];
    };

export interface TypeSpec {
  typeName: string;
  fields: Record<string, FieldSpec>;
}

/** A value of the map a question's query built for each row (a finding, a matrix row). */
export const entryValue = (key: string): FieldSpec => ({
  kind: 'expression',
  expr: (v) => `${v}.${key}`,
});

/** A node, or a list of nodes, held in an entry of that map. */
export const entryNode = (target: string, key: string, many = false): FieldSpec => ({
  kind: 'nodeExpression',
  target,
  many,
  expr: (v) => `${v}.${key}`,
});

const registry = new Map<string, TypeSpec>();

export function defineProjection(spec: TypeSpec): TypeSpec {
  registry.set(spec.typeName, spec);
  return spec;
}

export function projectionOf(typeName: string): TypeSpec | undefined {
  return registry.get(typeName);
}
