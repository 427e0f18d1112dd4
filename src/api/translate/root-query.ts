/**
 * Runs a root field as one Cypher query built from its selection, and shapes the answer.
 * Root resolvers say how to find their nodes; the selection decides the rest.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import type { Shelf } from '../../db';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { type ConnectionOptions, compileConnection, type Ways } from './compile-connection';
import { compiledFor, compiledOnce, type Reuse } from './compiled-queries';
import { compilers } from './compilers';
import { type FixedSelection, pickShape } from './fixed-selection';
import type { CompileContext, OrderKey } from './projection';
import { checkNamedIds, heldColumn, type NamedIds } from './named-ids';
import { selectionTree, type SelectionTree } from './selection';
import { type RawConnection, Shaper } from './shaper';

/** A built query, named for logs, transaction metadata and tests. */
export interface NamedQuery {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** Builds a clause; the name leads the text as a comment, so Neo4j's query log shows it. */
export function named(name: string, clause: Cypher.Clause): NamedQuery {
  const { cypher, params } = clause.build();
  return { name, cypher: `// ${name}\n${cypher}`, params };
}

export function compileContext(
  info: GraphQLResolveInfo,
  bindings: Record<string, Cypher.Param | Cypher.Variable> = {},
): CompileContext {
  return { schema: info.schema, bindings };
}

/** One node (or null): `match` binds the node it is given. */
export async function queryNode(
  ctx: ApiContext,
  name: string,
  info: GraphQLResolveInfo,
  match: (node: Cypher.Node) => Cypher.Clause,
  bindings: Record<string, Cypher.Param | Cypher.Variable> = {},
  reuse: Reuse = {},
): Promise<unknown> {
  const compile = () => {
    const tree = selectionTree(info);
    const node = new Cypher.Node();
    const object = compilers.object({ node }, typeOf(tree), [tree], compileContext(info, bindings));
    const query = named(
      name,
      Cypher.utils.concat(match(node), new Cypher.Return([object.expr, 'root']).limit(1)),
    );
    return { query, shape: object.shape };
  };
  const { query, shape } = compiledOnce(info, name, reuse, compile);
  const rows = await ctx.db.readValues(query.name, query.cypher, query.params);
  if (rows.length === 0) return null;
  const shaper = new Shaper();
  return shaper.finish(shaper.object(rows[0]!.root, shape));
}

/** The object type a selection's fields are of (the field's named type). */
function typeOf(tree: SelectionTree): string {
  const [typeName] = Object.keys(tree.fieldsByTypeName);
  if (!typeName) throw new AppError('INTERNAL_SERVER_ERROR', `${tree.name} selects no object`);
  return typeName;
}

export interface RootConnectionOptions
  extends Omit<ConnectionOptions, 'total' | 'ways' | 'keepTotal' | 'fewKnown'>, Reuse {
  /**
   * Ids the arguments name, checked in the same query (named-ids.ts): NOT_FOUND naming the
   * argument when the graph does not hold one. Built only when the query is compiled, as `total`
   * is (reading a citation into a provision id is not per-request work), and kept with the
   * compile: their values must be part of its key (`inputs`).
   */
  named?: () => readonly NamedIds[];
  /**
   * A cheaper expression for the number of candidates (e.g. from Neo4j's count store). A
   * function: a reused compile does not build it again (cypher-builder's objects cost about
   * 0.07 ms a request on an incidents page, in bench/'s profile).
   */
  total?: () => Cypher.Expr;
  /** Two ways to the page (compile-connection's Ways), built as `total` is. */
  ways?: () => Ways | undefined;
  /**
   * With `ways` and `keepTotal`: a kept total under this many rows is few whatever the graph
   * (Ways.few's bound), so the page is read from the node alone (ConnectionOptions.fewKnown).
   * A kept total may be stale: the choice is of a way, never of the answer.
   */
  fewBelow?: number;
  /**
   * Keep the answer until the graph changes (src/db/kept-answers.ts), on its shelf: `'answer'`
   * for a question whose cost follows the graph rather than the page (exact totals and facets
   * over every match), `'page'` for one whose cost follows the page, kept apart so that walking
   * pages pushes out no costly answer. Needs `inputs`: the answer is kept under the compile's key.
   */
  keep?: Shelf;
  /**
   * Keep the total until the graph changes (kept-count.ts), for a list whose total counts its
   * matches: everything the total is built from (a filter), not the page or the selection, so
   * that every page and selection of the list reads one kept count.
   */
  keepTotal?: unknown;
  bindings?: Record<string, Cypher.Param | Cypher.Variable>;
  /**
   * Values of named parameters (`Cypher.NamedParam` without a value) that `match` or `total`
   * read, given with each request: the compile does not hold them, so a reused compile serves
   * requests whatever their values (the findings' page rows).
   */
  values?: Record<string, unknown>;
  /**
   * Compile every selection that fits in this one as this one (fixed-selection.ts): one Cypher
   * text, so one plan, whatever the fields asked, each shaped from its answer; with `keep`, one
   * kept answer for all of them.
   */
  fixed?: FixedSelection;
  /**
   * With `fixed`: an object that stands for everything but the selection that the answer is read
   * from (the `values`, and the graph as of the version check that made it), so that a fixed
   * selection's answer is kept beside it while it lives and not read again: the findings' page,
   * the same object while the rules' answer is kept (findings.store.ts).
   */
  keptBeside?: object;
}

/** A root connection: `match` binds the node it is given to the candidates. */
export async function queryConnection(
  ctx: ApiContext,
  name: string,
  info: GraphQLResolveInfo,
  order: readonly OrderKey[],
  match: (node: Cypher.Node) => Cypher.Clause,
  options: RootConnectionOptions = {},
): Promise<unknown> {
  const totalKey =
    options.keepTotal !== undefined
      ? `${name} total|${JSON.stringify(options.keepTotal)}`
      : undefined;
  const gate = totalKey ? ctx.db.keptCount(totalKey) : undefined;
  const keptTotal = gate?.keptCount.count;
  const fewKnown =
    options.fewBelow !== undefined && typeof keptTotal === 'number' && keptTotal < options.fewBelow;
  // The way is part of what the text is built from: a compile of its own.
  const reuse: Reuse =
    fewKnown && 'inputs' in options ? { inputs: [options.inputs, 'few'] } : options;
  const build = (tree: SelectionTree) => {
    const node = new Cypher.Node();
    const compiled = compileConnection(
      node,
      typeOf(tree),
      tree,
      compileContext(info, options.bindings),
      order,
      () => match(node),
      compilers,
      {
        ...options,
        total: options.total?.(),
        ways: options.ways?.(),
        keepTotal: options.keepTotal !== undefined,
        fewKnown,
      },
    );
    const namedIds = options.named?.() ?? [];
    const answer = new Cypher.Return([compiled.expr, 'root'], ...heldColumn(namedIds));
    // Each bound value in a WITH of its own, after the ones it may read (a total's gate reads
    // the ways' degrees).
    const bound = (compiled.bound ?? []).map((b, i) =>
      i ? new Cypher.With('*', b) : new Cypher.With(b),
    );
    const query = named(name, Cypher.utils.concat(...bound, answer));
    return { query, shape: compiled.shape, namedIds };
  };
  const compile = () => {
    const requested = selectionTree(info);
    const fixed = options.fixed?.connectionFor(info.schema, requested);
    if (!fixed) return { ...build(requested), fixed: false as const };
    // The fixed selection's compile is the same for every selection that fits: built from the
    // field's arguments and the resolver's inputs only. A kept answer is kept under that too,
    // so that every selection that fits reads one.
    const fixedKey =
      'inputs' in reuse
        ? `${name}|fixed|${JSON.stringify(fixed.args)}|${JSON.stringify(reuse.inputs)}`
        : undefined;
    const built = fixedKey ? compiledFor(fixedKey, () => build(fixed)) : build(fixed);
    const shape = pickShape(built.shape, requested);
    return { query: built.query, shape, namedIds: built.namedIds, fixed: true as const, fixedKey };
  };
  const compiled = compiledOnce(info, name, reuse, compile);
  const { query, shape, namedIds, fixed } = compiled;
  const key = compiled.fixed ? compiled.fixedKey : compiled.key;
  const params =
    options.values || gate ? { ...query.params, ...options.values, ...gate } : query.params;
  const read = async (): Promise<RawConnection> => {
    const rows =
      options.keep && key
        ? await ctx.db.readValuesKept(key, query.name, query.cypher, params, options.keep)
        : await ctx.db.readValues(query.name, query.cypher, params);
    const row = rows[0];
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', `${name} answered no row`);
    checkNamedIds(namedIds, row.held);
    return row.root as RawConnection;
  };
  const beside = fixed && !totalKey ? options.keptBeside : undefined;
  const answered = beside ? await options.fixed!.answerBeside(beside, query, read) : await read();
  // A kept page's rows are shared by every ask until a write: its total is read, not replaced.
  const root = totalKey
    ? { ...answered, t: ctx.db.counted(totalKey, answered.t) as number | null }
    : answered;
  const shaper = new Shaper();
  return shaper.finish(shaper.connection(root, shape));
}
