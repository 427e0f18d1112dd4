/**
 * The selection compiler: a GraphQL selection becomes one Cypher expression, so that a
 * root field costs one query whatever the depth or size of its answer. Nested lists are
 * COLLECT subqueries with their LIMIT applied before projection; connections seek by
 * keyset instead of collecting and slicing.
 */
import { getNamedType, type GraphQLField, isNonNullType } from 'graphql';
import { AppError } from '../../errors';
import { decodeCursor, pageSize } from './cursor';
import type { CypherScope } from './scope';
import type { SelectionTree } from './selection';
import {
  type ConnectionField,
  type ConnectionShape,
  completerFor,
  type EdgeField,
  type ObjectShape,
} from './shape';
import { type Args, type OrderKey, projectionOf } from './spec';

export interface CompiledObject {
  /**
   * A Cypher list expression: the selected fields' values by position. Lists, not maps: a
   * map's keys are strings the driver decodes once per value (a third of a large answer).
   */
  map: string;
  shape: ObjectShape;
}

/**
 * The Cypher that returns a field's value. Calendar dates leave Neo4j as strings: the driver
 * turns each Date into an object with integer arithmetic, which dominated large answers.
 */
function output(field: GraphQLField<unknown, unknown> | undefined, expr: string): string {
  return field && getNamedType(field.type).name === 'Date' ? `toString(${expr})` : expr;
}

function fieldsOf(tree: SelectionTree, typeName: string): [string, SelectionTree][] {
  return Object.entries(tree.fieldsByTypeName[typeName] ?? {});
}

/** Compiles the selection of `tree` on the node bound to `v` (and relationship `r` for edge types). */
export function compileObject(
  v: string,
  typeName: string,
  trees: SelectionTree[],
  scope: CypherScope,
  r = 'null',
): CompiledObject {
  const spec = projectionOf(typeName);
  if (!spec)
    throw new AppError('INTERNAL_SERVER_ERROR', `no projection is defined for type ${typeName}`);
  const entries: string[] = [];
  const shape: ObjectShape = [];
  /** The position of the next value, as the shape reads it. */
  const add = (expr: string): number => entries.push(expr) - 1;
  for (const tree of trees) {
    for (const [alias, sub] of fieldsOf(tree, typeName)) {
      if (sub.name === '__typename') {
        shape.push({ responseKey: alias, kind: 'constant', value: typeName });
        continue;
      }
      const field = spec.fields[sub.name];
      if (!field)
        throw new AppError('INTERNAL_SERVER_ERROR', `no projection for ${typeName}.${sub.name}`);
      const definition = scope.field(typeName, sub.name);
      const nonNull = definition !== undefined && isNonNullType(definition.type);
      /** A nested object (or a list of them, `many`) that `expr` returns as `inner` compiled it. */
      const addObject = (expr: string, many: boolean, inner: CompiledObject): void => {
        shape.push({
          responseKey: alias,
          kind: 'object',
          key: add(expr),
          many,
          nonNull,
          shape: inner.shape,
        });
      };
      switch (field.kind) {
        case 'property':
        case 'relationshipProperty':
        case 'expression': {
          const expr =
            field.kind === 'expression'
              ? field.expr(v, sub.args, scope)
              : `${field.kind === 'property' ? v : r}.${field.property ?? sub.name}`;
          const key = add(output(definition, expr));
          shape.push({
            responseKey: alias,
            kind: 'value',
            key,
            complete: completerFor(definition),
          });
          break;
        }
        case 'embedded': {
          const inner = compileObject(v, field.target, [sub], scope, r);
          addObject(`CASE WHEN ${field.present(v)} THEN ${inner.map} ELSE null END`, false, inner);
          break;
        }
        case 'nodeExpression': {
          const t = scope.variable('t');
          const inner = compileObject(t, field.target, [sub], scope);
          // List comprehensions, not COLLECT subqueries: no subquery runs per value (the
          // rights matrix has one such field per cell).
          addObject(
            field.many
              ? `[${t} IN coalesce(${field.expr(v)}, []) | ${inner.map}]`
              : `head([${t} IN [${field.expr(v)}] WHERE ${t} IS NOT NULL | ${inner.map}])`,
            field.many,
            inner,
          );
          break;
        }
        case 'endNode': {
          const inner = compileObject(v, field.target, [sub], scope);
          addObject(inner.map, false, inner);
          break;
        }
        case 'related': {
          const t = scope.variable('t');
          const rel = scope.variable('r');
          const inner = compileObject(t, field.target, [sub], scope, rel);
          const order = field.orderBy ? ` ORDER BY ${field.orderBy(t, rel)}` : '';
          const match = field.match(v, t, rel, sub.args, scope);
          // Matches that bind no relationship still give the projection a (null) one to read.
          const relationship = new RegExp(`\\b${rel}\\b`).test(match) ? rel : `null AS ${rel}`;
          const body = `${match} WITH ${t}, ${relationship}${order}${field.many ? '' : ' LIMIT 1'} RETURN ${inner.map}`;
          addObject(
            field.many ? `COLLECT { ${body} }` : `head(COLLECT { ${body} })`,
            field.many,
            inner,
          );
          break;
        }
        case 'connection': {
          const t = scope.variable('t');
          const compiled = compileConnection(
            t,
            field.target,
            sub,
            scope,
            field.order,
            field.match(v, t, sub.args, scope),
          );
          const key = add(compiled.map);
          shape.push({ responseKey: alias, kind: 'connection', key, shape: compiled.shape });
          break;
        }
      }
    }
  }
  return { map: `[${entries.join(', ')}]`, shape };
}

export interface ConnectionOptions {
  /** The field that lists the page's items without cursors (`nodes`; `rows` for the rights matrix). */
  nodesField?: string;
  /** Fields of the connection type that the caller answers itself. */
  ignore?: string[];
  /** An expression equal to the number of nodes `match` binds, cheaper than counting them. */
  total?: string;
  /**
   * Variables besides `t` that `match` binds and the order keys and projection read (search's
   * `score`): sorting on them directly is cheaper than on a map built for every candidate.
   */
  carry?: string[];
}

export interface CompiledConnection {
  map: string;
  shape: ConnectionShape;
}

/**
 * A connection over the nodes that `match` binds to `t`, in `order`, after the cursor in `args.after`.
 * The total is counted only when selected.
 */
export function compileConnection(
  t: string,
  targetType: string,
  tree: SelectionTree,
  scope: CypherScope,
  order: OrderKey[],
  match: string,
  options: ConnectionOptions = {},
): CompiledConnection {
  const args: Args = tree.args;
  const nodesField = options.nodesField ?? 'nodes';
  const first = pageSize(args.first as number | null | undefined);
  const after = typeof args.after === 'string' ? decodeCursor(args.after, order.length) : undefined;
  const [connectionType] = Object.keys(tree.fieldsByTypeName);
  const fields: ConnectionField[] = [];
  const nodeTrees: {
    tree: SelectionTree;
    place: 'edge' | 'nodes';
    edgeFields?: EdgeField[];
    responseKey?: string;
  }[] = [];
  let countTotal = false;

  for (const [alias, sub] of connectionType ? fieldsOf(tree, connectionType) : []) {
    if (options.ignore?.includes(sub.name)) continue;
    switch (sub.name === nodesField ? 'nodes' : sub.name) {
      case 'totalCount':
        countTotal = true;
        fields.push({ responseKey: alias, kind: 'totalCount' });
        break;
      case 'pageInfo': {
        const info = Object.values(sub.fieldsByTypeName)[0] ?? {};
        fields.push({
          responseKey: alias,
          kind: 'pageInfo',
          fields: Object.entries(info).map(([a, s]) => ({ responseKey: a, name: s.name })),
        });
        break;
      }
      case 'nodes':
        nodeTrees.push({ tree: sub, place: 'nodes', responseKey: alias });
        break;
      case 'edges': {
        const edgeFields: EdgeField[] = [];
        const edgeSelection = Object.values(sub.fieldsByTypeName)[0] ?? {};
        for (const [edgeAlias, edgeSub] of Object.entries(edgeSelection)) {
          if (edgeSub.name === 'cursor')
            edgeFields.push({ responseKey: edgeAlias, kind: 'cursor' });
          else if (edgeSub.name === '__typename')
            edgeFields.push({
              responseKey: edgeAlias,
              kind: 'constant',
              value: Object.keys(sub.fieldsByTypeName)[0],
            });
          else nodeTrees.push({ tree: edgeSub, place: 'edge', edgeFields, responseKey: edgeAlias });
        }
        fields.push({ responseKey: alias, kind: 'edges', fields: edgeFields });
        break;
      }
      case '__typename':
        fields.push({ responseKey: alias, kind: 'constant', value: connectionType });
        break;
      default:
        throw new AppError('INTERNAL_SERVER_ERROR', `unknown connection field ${sub.name}`);
    }
  }

  // One list per node serves edges.node and nodes: each selection has its own part of it.
  const parts: string[] = [];
  for (const n of nodeTrees) {
    const compiled = compileObject(t, targetType, [n.tree], scope);
    const part = parts.push(compiled.map) - 1;
    if (n.place === 'nodes')
      fields.push({ responseKey: n.responseKey!, kind: 'nodes', part, shape: compiled.shape });
    else
      n.edgeFields!.push({
        responseKey: n.responseKey!,
        kind: 'node',
        part,
        shape: compiled.shape,
      });
  }

  const row = [t, ...(options.carry ?? [])].join(', ');
  const keyset = after ? ` WITH ${row} WHERE ${keysetCondition(t, order, after, scope)}` : '';
  const orderBy = order.map((k) => `${k.expr(t)} ${k.direction}`).join(', ');
  const keys = order
    .map((k) => (k.kind === 'date' || k.kind === 'datetime' ? `toString(${k.expr(t)})` : k.expr(t)))
    .join(', ');
  const rows = `COLLECT { ${match}${keyset} WITH ${row} ORDER BY ${orderBy} LIMIT ${scope.intParam(first + 1)} RETURN {k: [${keys}], n: [${parts.join(', ')}]} }`;
  const total = countTotal ? (options.total ?? `COUNT { ${match} RETURN ${t} }`) : 'null';
  return {
    map: `{t: ${total}, r: ${rows}}`,
    shape: { first, hasAfter: after !== undefined, fields },
  };
}

/**
 * Rows strictly after the cursor in the given order: (k1 > c1) OR (k1 = c1 AND k2 > c2) ...
 * The leading `k1 >= c1` (`<=` descending) says the same once more in a form an index can seek.
 */
function keysetCondition(
  t: string,
  order: OrderKey[],
  cursor: (string | number | null)[],
  scope: CypherScope,
): string {
  const value = (k: OrderKey, i: number): string => {
    const p = scope.param(cursor[i]);
    return k.kind === 'date' ? `date(${p})` : k.kind === 'datetime' ? `datetime(${p})` : p;
  };
  const values = order.map(value);
  const terms = order.map((k, i) => {
    const equal = order.slice(0, i).map((prev, j) => `${prev.expr(t)} = ${values[j]}`);
    const beyond = `${k.expr(t)} ${k.direction === 'ASC' ? '>' : '<'} ${values[i]}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  const [first] = order;
  const seek = first
    ? `${first.expr(t)} ${first.direction === 'ASC' ? '>=' : '<='} ${values[0]} AND `
    : '';
  return `${seek}(${terms.join(' OR ')})`;
}
