/**
 * Field projections: how each GraphQL field of a compiled type is read from the graph,
 * declared on the field itself (a decorator beside type-graphql's `@Field`, stored in the
 * field's `extensions`). The selection compiler reads them from the built schema: there is no
 * registry keyed by type names, and a field without one fails the schema build (checks.ts).
 */
import type Cypher from '@neo4j/cypher-builder';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { ConnectionOptions } from './compile-connection';
import type { SelectionTree } from './selection';
import type { ConnectionShape, ObjectShape, ShapeField } from './shaper';

/**
 * Where an object is read from: a node (or a map, named like one), and for edge types the
 * relationship it stands for.
 */
export interface Origin {
  node: Cypher.Node;
  rel?: Cypher.Relationship;
}

/** Field arguments, coerced. */
export type Args = Record<string, unknown>;

/**
 * What a compilation shares: the schema (field types), and parameters a root field hands
 * to the projections below it (the date asked, the scope): one parameter, used everywhere.
 */
export interface CompileContext {
  schema: GraphQLSchema;
  bindings: Readonly<Record<string, Cypher.Param | Cypher.Variable>>;
}

/** A compiled object: its selected fields' values as one Cypher list, and how to read it. */
export interface CompiledObject {
  expr: Cypher.Expr;
  shape: ObjectShape;
}

export interface CompiledConnection {
  expr: Cypher.Expr;
  shape: ConnectionShape;
  /**
   * Values `expr` reads from variables, for the root query to bind before it, in this order (a
   * later one may read an earlier one's variable): the degrees every way compares, the kept
   * total's gate. Bound there, Neo4j plans each once, as operators of the query. Only a root
   * connection's options (keepTotal, Ways.shared) give any.
   */
  bound?: [Cypher.Expr, Cypher.Variable][];
}

/** A sort key of a keyset-paginated list. `expr` must never be null (coalesce it). */
export interface OrderKey {
  expr: (node: Cypher.Variable) => Cypher.Expr;
  direction: 'ASC' | 'DESC';
  /** How a cursor value becomes comparable again. */
  kind: 'string' | 'number' | 'date' | 'datetime';
  /**
   * With the keys before it, the properties of a range index that gives the order (the
   * incidents' date and id): the page says the key is never null, which Neo4j needs to walk the
   * index in order. After a cursor the leading key's bound says so already (compile-connection).
   */
  indexed?: boolean;
}

/** The compilers a field hands its nested selections to (injected: no import cycle). */
export interface Compilers {
  object(
    source: Origin,
    typeName: string,
    trees: SelectionTree[],
    ctx: CompileContext,
  ): CompiledObject;
  connection(
    node: Cypher.Node,
    typeName: string,
    tree: SelectionTree,
    ctx: CompileContext,
    order: readonly OrderKey[],
    match: () => Cypher.Clause,
    options?: Pick<ConnectionOptions, 'total' | 'ways'>,
  ): CompiledConnection;
}

export interface FieldInput {
  source: Origin;
  tree: SelectionTree;
  ctx: CompileContext;
  /** The field's definition in the schema. */
  field: GraphQLField<unknown, unknown>;
  /** The name of the field's (named) type. */
  typeName: string;
  compile: Compilers;
}

/** A field's value: a Cypher expression, and how the shaper reads it (key filled in later). */
export interface CompiledField {
  expr: Cypher.Expr;
  shape: DistributiveOmit<Exclude<ShapeField, { kind: 'constant' }>, 'key' | 'responseKey'>;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface FieldProjection {
  /** What the projection does, for messages ("property name", "related OF"). */
  readonly describe: string;
  compile(input: FieldInput): CompiledField;
}

export const PROJECTION_EXTENSION = 'projection';
export const PROJECTED_TYPE_EXTENSION = 'projected';

/** Class and property of every projection declared, for the schema build's check. */
export const declaredProjections: { target: object; property: string }[] = [];

/** Declares how a field is read from the graph. */
export function Projection(projection: FieldProjection): PropertyDecorator & MethodDecorator {
  return (target: object, property: string | symbol, descriptor?: PropertyDescriptor) => {
    declaredProjections.push({ target: target.constructor, property: String(property) });
    Extensions({ [PROJECTION_EXTENSION]: projection })(target, property, descriptor!);
  };
}

/** Marks an object type whose fields are all compiled into Cypher: each needs a projection. */
export function Projected(): ClassDecorator {
  return Extensions({ [PROJECTED_TYPE_EXTENSION]: true });
}

/** The projection of a schema field, if it has one. */
export function projectionOf(field: GraphQLField<unknown, unknown>): FieldProjection | undefined {
  return field.extensions[PROJECTION_EXTENSION] as FieldProjection | undefined;
}
