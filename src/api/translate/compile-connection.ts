/**
 * Compiles a Relay connection: the candidates a MATCH binds, after the cursor, in keyset
 * order, one page (first + 1 rows, to know whether more follow), each row its sort key and its
 * node's compiled selections; the total only when selected.
 */
import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import { getNamedType, isObjectType } from 'graphql';
import { AppError } from '../../errors';
import { type CursorKey, decodeCursor, pageSize } from './cursor';
import { afterCursor, cursorKeys } from './keyset';
import { keptCountFrom, keptCountGate } from './kept-count';
import type { CompileContext, CompiledConnection, Compilers, OrderKey } from './projection';
import type { SelectionTree } from './selection';
import type {
  ConnectionField as ShapeConnectionField,
  EdgeField,
  FacetField,
  ObjectShape,
} from './shaper';

export interface ConnectionOptions {
  /** The field that lists the page's items without cursors (`nodes`; `rows` for the rights matrix). */
  nodesField?: string;
  /** Fields of the connection type that the caller answers itself. */
  ignore?: readonly string[];
  /** An expression equal to the number of candidates, cheaper than counting them. */
  total?: Cypher.Expr;
  /** Variables besides the node that the match binds and the order reads (search's score). */
  carry?: readonly Cypher.Variable[];
  /** Arguments of the page, when they are not the tree's own (the rights matrix). */
  args?: { first?: unknown; after?: unknown };
  /**
   * Counts of the whole list (not the page) by a value of each row, for the connection's
   * `facets` field: each facet names the value and its label.
   */
  facets?: Record<string, Facet>;
  /**
   * Match once and keep the rows: the total, the facets and the page then read that list. For a
   * list whose order no index gives (the page sorts every row anyway), so that the match runs
   * once instead of once for the page, once for the total and once per facet.
   */
  materialise?: boolean;
  /** Two ways to the page, one chosen per request (Ways). */
  ways?: Ways;
  /**
   * With `ways`: the list is known to have few rows (its kept total is under Ways.few's bound
   * whatever the graph's size), so the page is read from the node alone when there is one node
   * to read from: no degree computed, no walk planned beside it.
   */
  fewKnown?: boolean;
  /**
   * The total gated by the graph's version (kept-count.ts): `[version, count]`, counted only
   * when the count kept under `$keptCount.version` is stale. A root connection's only: the gate
   * is bound before the answer (CompiledConnection.bound).
   */
  keepTotal?: boolean;
}

/**
 * Two ways to a page of a list whose filter names nodes (an authority, a provision, a
 * regulation): read every row reaching one of them and sort them, or walk the order's index and
 * test each row until the page is full. The first costs what the node has, the second what the
 * page needs divided by the share of rows that meet the filter: each is the slow one somewhere.
 */
export interface Ways {
  /** True when reading from the node costs less; `pageRows` is the page's limit. */
  few: (pageRows: Cypher.Expr) => Cypher.Expr;
  /**
   * The rows from a node, each once; none unless `few` and it is the node to read from (one
   * way per node that can be read from, at most one of them yielding rows).
   */
  fromNodes: ((node: Cypher.Node, few: Cypher.Variable) => Cypher.Clause)[];
  /**
   * The rows by walking the index; none when `few`. Said in the walk's own index seek: Neo4j
   * tests a condition on `few` alone after the operator that starts the walk, so it would read
   * the whole index to find nothing.
   */
  walk: (node: Cypher.Node, few: Cypher.Variable) => Cypher.Clause;
  /** Variables of the enclosing query the ways read (a list of a provision: the provision). */
  imports?: Cypher.Variable[];
  /**
   * Values the ways and the total read, computed once before them (their variables among
   * `imports`): the degrees of the named nodes, which every way compares.
   */
  shared?: [Cypher.Expr, Cypher.Variable][];
}

export type Facet = (row: Cypher.Variable) => { value: Cypher.Expr; label: Cypher.Expr };

function nodeTypeOf(ctx: CompileContext, connectionType: string, nodesField: string): string {
  const type = ctx.schema.getType(connectionType);
  const field = type && isObjectType(type) ? type.getFields()[nodesField] : undefined;
  if (!field)
    throw new AppError('INTERNAL_SERVER_ERROR', `${connectionType} has no field ${nodesField}`);
  return getNamedType(field.type).name;
}

/** Where connectionFields takes what a selection's nodes and facets are read from. */
export interface ConnectionSources {
  /** The part of each row a selection of the nodes reads, and its shape. */
  nodes: (sub: SelectionTree) => { part: number; shape: ObjectShape };
  /** The key of the counts of a facet by its field name; undefined for no such facet. */
  facet: (name: string) => string | undefined;
  /** The field that lists the page's items without cursors (ConnectionOptions.nodesField). */
  nodesField?: string;
  /** Fields the caller answers itself (ConnectionOptions.ignore). */
  ignore?: readonly string[];
}

/**
 * How the shaper answers a connection's selection (`tree`, of type `connectionType`): its total,
 * page info, cursors and constants, and the nodes and facets `sources` give, in the selection's
 * order under its response keys.
 */
export function connectionFields(
  tree: SelectionTree,
  connectionType: string,
  sources: ConnectionSources,
): ShapeConnectionField[] {
  const fields: ShapeConnectionField[] = [];
  const nodesField = sources.nodesField ?? 'nodes';
  const named = (sub: SelectionTree) =>
    Object.entries(Object.values(sub.fieldsByTypeName)[0] ?? {}).map(([key, s]) => ({
      responseKey: key,
      name: s.name,
    }));
  for (const [responseKey, sub] of Object.entries(tree.fieldsByTypeName[connectionType] ?? {})) {
    if (sources.ignore?.includes(sub.name)) continue;
    switch (sub.name === nodesField ? 'nodes' : sub.name) {
      case 'totalCount':
        fields.push({ responseKey, kind: 'totalCount' });
        break;
      case 'pageInfo':
        fields.push({ responseKey, kind: 'pageInfo', fields: named(sub) });
        break;
      case 'nodes':
        fields.push({ responseKey, kind: 'nodes', ...sources.nodes(sub) });
        break;
      case 'edges': {
        const [edgeType] = Object.keys(sub.fieldsByTypeName);
        const edgeFields: EdgeField[] = [];
        for (const [edgeKey, edgeSub] of Object.entries(
          Object.values(sub.fieldsByTypeName)[0] ?? {},
        )) {
          if (edgeSub.name === 'cursor') edgeFields.push({ responseKey: edgeKey, kind: 'cursor' });
          else if (edgeSub.name === '__typename')
            edgeFields.push({ responseKey: edgeKey, kind: 'constant', value: edgeType });
          else edgeFields.push({ responseKey: edgeKey, kind: 'node', ...sources.nodes(edgeSub) });
        }
        fields.push({ responseKey, kind: 'edges', fields: edgeFields });
        break;
      }
      case '__typename':
        fields.push({ responseKey, kind: 'constant', value: connectionType });
        break;
      case 'facets': {
        const facets: FacetField[] = [];
        for (const [facetKey, facetSub] of Object.entries(
          Object.values(sub.fieldsByTypeName)[0] ?? {},
        )) {
          const key = facetSub.name === '__typename' ? undefined : sources.facet(facetSub.name);
          if (key) facets.push({ responseKey: facetKey, key, fields: named(facetSub) });
        }
        fields.push({ responseKey, kind: 'facets', facets });
        break;
      }
      default:
        throw new AppError('INTERNAL_SERVER_ERROR', `unknown connection field ${sub.name}`);
    }
  }
  return fields;
}

export function compileConnection(
  node: Cypher.Node,
  connectionType: string,
  tree: SelectionTree,
  ctx: CompileContext,
  order: readonly OrderKey[],
  match: () => Cypher.Clause,
  compilers: Compilers,
  options: ConnectionOptions = {},
): CompiledConnection {
  const args = options.args ?? tree.args;
  const nodesField = options.nodesField ?? 'nodes';
  const nodeType = nodeTypeOf(ctx, connectionType, nodesField);
  const first = pageSize(args.first as number | null | undefined);
  const after = typeof args.after === 'string' ? decodeCursor(args.after, order.length) : undefined;
  const parts: Cypher.Expr[] = [];
  /** The selected facets by key; counted once the rows' source is known. */
  const selectedFacets: [string, Facet][] = [];
  /** One list per row serves `edges.node` and `nodes`: each selection has its own part. */
  const part = (sub: SelectionTree) => {
    const compiled = compilers.object({ node }, nodeType, [sub], ctx);
    return { part: parts.push(compiled.expr) - 1, shape: compiled.shape };
  };

  const fields = connectionFields(tree, connectionType, {
    nodes: part,
    facet: (name) => {
      const facet = options.facets?.[name];
      if (!facet) return undefined;
      const key = `f${selectedFacets.length}`;
      selectedFacets.push([key, facet]);
      return key;
    },
    nodesField,
    ignore: options.ignore,
  });
  const countTotal = fields.some((f) => f.kind === 'totalCount');

  if (options.materialise && options.carry?.length)
    throw new AppError('INTERNAL_SERVER_ERROR', 'a materialised list carries only its rows');
  if (options.ways && (options.materialise || options.carry?.length))
    throw new AppError('INTERNAL_SERVER_ERROR', 'a list with two ways carries only its rows');
  // Materialised, the subqueries below read `rows`, each binding `node` to its items again.
  const rows = new Cypher.Variable();
  const source = options.materialise ? () => new Cypher.Unwind([rows, node]) : match;
  const row = [node, ...(options.carry ?? [])];
  const limit = new Cypher.Param(neo4j.int(first + 1));
  const sorted = () =>
    new Cypher.With(...row).orderBy(
      ...order.map((k): [Cypher.Expr, 'ASC' | 'DESC'] => [k.expr(node), k.direction]),
    );
  // Materialised, the rows are kept in order already (below): the page takes the first ones.
  // Sorted there, inside the subquery that unwinds them, every row the sort kept carried the
  // whole list as an argument, and Neo4j counted the list's size once per row: a page of 100
  // of plansDenyingRight's 7,722 rows on the xlarge bench graph was refused as needing more
  // than the 1.5 GiB a transaction may hold (81 rows: 1.34 GB).
  const inOrder = () =>
    options.materialise ? new Cypher.With(...row).limit(limit) : sorted().limit(limit);
  /** The page's rows of a match: after the cursor, in order, first + 1 of them. */
  const pageOf = (matched: Cypher.Clause) => {
    const where = pageWhere(node, order, after);
    return Cypher.utils.concat(
      matched,
      ...(where ? [new Cypher.With(...row).where(where)] : []),
      inOrder(),
    );
  };
  const rowMap = new Cypher.Map({
    k: new Cypher.List(cursorKeys(node, order)),
    n: new Cypher.List(parts),
  });
  const page = options.ways
    ? Cypher.utils.concat(
        eitherWay(options.ways, node, limit, pageOf, options.fewKnown),
        inOrder().return(rowMap),
      )
    : Cypher.utils.concat(pageOf(source()), new Cypher.Return(rowMap));
  const shape = { first, hasAfter: after !== undefined, fields };
  if (options.materialise) {
    // Each facet in a CALL of its own: counting inside the answer's map beside size(rows)
    // reads to Neo4j as an aggregation grouped by the rows.
    const counted = selectedFacets.map(([key, facet]) => {
      const counts = new Cypher.Variable();
      const call = new Cypher.Call(
        Cypher.utils.concat(
          facetRows(node, source, facet),
          new Cypher.Return([Cypher.collect(facetRow), counts]),
        ),
        [rows],
      );
      return { key, counts, call };
    });
    const answer = new Cypher.Map({
      t: countTotal ? Cypher.size(rows) : Cypher.Null,
      r: new Cypher.Collect(page),
      ...Object.fromEntries(counted.map((c) => [c.key, c.counts])),
    });
    const once = Cypher.utils.concat(
      match(),
      sorted(),
      new Cypher.With([Cypher.collect(node), rows]),
      ...counted.map((c) => c.call),
      new Cypher.Return(answer),
    );
    return { expr: Cypher.head(new Cypher.Collect(once)), shape };
  }
  const facetExprs = Object.fromEntries(
    selectedFacets.map(([key, facet]) => [
      key,
      new Cypher.Collect(
        Cypher.utils.concat(facetRows(node, source, facet), new Cypher.Return(facetRow)),
      ),
    ]),
  );
  const counted = () =>
    options.total ?? new Cypher.Count(Cypher.utils.concat(match(), new Cypher.Return(node)));
  const bound: [Cypher.Expr, Cypher.Variable][] = [...(options.ways?.shared ?? [])];
  let total: Cypher.Expr = Cypher.Null;
  if (countTotal && options.keepTotal) {
    const gated = new Cypher.Variable();
    bound.push([keptCountGate(counted()), gated]);
    total = keptCountFrom(gated);
  } else if (countTotal) total = counted();
  const answer = new Cypher.Map({ t: total, r: new Cypher.Collect(page), ...facetExprs });
  return bound.length ? { expr: answer, shape, bound } : { expr: answer, shape };
}

/**
 * The page by the way `few` chooses: each way's page in a branch of a union (the others yield
 * no row), then that page in order again. `few` is computed in each branch: a few db hits each.
 * When few rows are known (`fewKnown`) and one node is read from, its way alone: on the large
 * bench graph, incidents citing Art. 4 took Neo4j 0.2 ms less a page (1.0 ms against 1.2).
 */
function eitherWay(
  ways: Ways,
  node: Cypher.Node,
  limit: Cypher.Expr,
  pageOf: (matched: Cypher.Clause) => Cypher.Clause,
  fewKnown = false,
): Cypher.Clause {
  const branch = (way: Ways['walk'], few: Cypher.Expr) => {
    const chosen = new Cypher.Variable();
    return Cypher.utils.concat(
      new Cypher.With(...(ways.imports ?? []), [few, chosen]),
      pageOf(way(node, chosen)),
      new Cypher.Return(node),
    );
  };
  const [only, ...others] = ways.fromNodes;
  const page =
    fewKnown && only && others.length === 0
      ? branch(only, Cypher.true)
      : new Cypher.Union(
          ...[...ways.fromNodes, ways.walk].map((way) => branch(way, ways.few(limit))),
        ).all();
  return new Cypher.Call(page, ways.imports ?? []);
}

/**
 * The page's rows among the match's: the indexed sort keys never null, so that Neo4j walks the
 * index in order, and the rows after the cursor. After a cursor the leading key's bound (`<=` or
 * `>=`) says it is not null: said twice, Neo4j read the other properties of every row the seek
 * passed before dropping those the cursor's day had already shown (incidents page 500 on the
 * xlarge bench graph, its cursor on a first of the month shared by 350 incidents: 1,518 db hits,
 * 1,095 without; page 1 848).
 */
function pageWhere(
  node: Cypher.Variable,
  order: readonly OrderKey[],
  after: CursorKey | undefined,
): Cypher.Predicate | undefined {
  const notNull = order
    .filter((k, i) => k.indexed && !(after && i === 0))
    .map((k) => Cypher.isNotNull(k.expr(node)));
  return Cypher.and(...notNull, after ? afterCursor(node, order, after) : undefined);
}

const facetRow = new Cypher.Variable();

/** The list's rows grouped by a facet's value, most rows first, then by value, as `facetRow`. */
function facetRows(node: Cypher.Node, source: () => Cypher.Clause, facet: Facet): Cypher.Clause {
  const { value, label } = facet(node);
  const v = new Cypher.Variable();
  const l = new Cypher.Variable();
  const n = new Cypher.Variable();
  return Cypher.utils.concat(
    source(),
    new Cypher.With([value, v], [label, l], [Cypher.count(node), n]).orderBy(
      [n, 'DESC'],
      [v, 'ASC'],
    ),
    new Cypher.With([new Cypher.Map({ value: v, label: l, count: n }), facetRow]),
  );
}
