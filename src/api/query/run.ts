/**
 * Runs a root field as one compiled Cypher query and shapes the answer.
 * Root resolvers say how to find their nodes; the selection decides the rest.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { compileConnection, compileObject } from './compile';
import { CypherScope } from './scope';
import { selectionTree } from './selection';
import { type RawConnection, Shaper } from './shape';
import type { OrderKey } from './spec';

/** One node (or null): `match` binds `n`. */
export async function queryNode(
  ctx: ApiContext,
  name: string,
  typeName: string,
  info: GraphQLResolveInfo,
  match: (scope: CypherScope) => string,
): Promise<unknown> {
  const scope = new CypherScope(info.schema);
  const tree = selectionTree(info);
  const head = match(scope);
  const object = compileObject('n', typeName, [tree], scope);
  const rows = await ctx.db.readValues(
    name,
    `// ${name}\n${head}\nRETURN ${object.map} AS root LIMIT 1`,
    scope.params,
  );
  if (rows.length === 0) return null;
  const shaper = new Shaper();
  return shaper.finish(shaper.object(rows[0]!.root, object.shape));
}

export interface RootConnectionOptions {
  /** A condition checked in the same query (e.g. that the company exists); NOT_FOUND with `message` when false. */
  mustExist?: { condition: (scope: CypherScope) => string; message: string };
  /** A cheaper expression for the number of nodes `match` binds (e.g. from Neo4j's count store). */
  total?: (scope: CypherScope) => string;
  /** Variables besides `t` that `match` binds for the order and projection (see ConnectionOptions). */
  carry?: string[];
}

/** A root connection: `match` binds `t` (given) to the candidate nodes. */
export async function queryConnection(
  ctx: ApiContext,
  name: string,
  typeName: string,
  info: GraphQLResolveInfo,
  order: OrderKey[],
  match: (scope: CypherScope, t: string) => string,
  options: RootConnectionOptions = {},
): Promise<unknown> {
  const scope = new CypherScope(info.schema);
  const tree = selectionTree(info);
  const t = 'n';
  const compiled = compileConnection(t, typeName, tree, scope, order, match(scope, t), {
    total: options.total?.(scope),
    carry: options.carry,
  });
  const { mustExist } = options;
  const guard = mustExist ? mustExist.condition(scope) : 'true';
  const rows = await ctx.db.readValues(
    name,
    `// ${name}\nRETURN ${guard} AS found, ${compiled.map} AS root`,
    scope.params,
  );
  if (rows[0]?.found !== true) throw new AppError('NOT_FOUND', mustExist?.message ?? 'not found');
  const shaper = new Shaper();
  return shaper.finish(shaper.connection(rows[0].root as RawConnection, compiled.shape));
}
