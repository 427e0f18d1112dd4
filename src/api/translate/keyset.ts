/**
 * Keyset pagination: rows strictly after the cursor in the list's order,
 * (k1 > c1) OR (k1 = c1 AND k2 > c2) ..., with the leading `k1 >= c1` (`<=` descending) said
 * once more in a form an index can seek. The cursor's values are checked against the keys'
 * kinds first, so that a forged cursor is refused as bad input before Neo4j parses it.
 */
import Cypher from '@neo4j/cypher-builder';
import { checkCursorValues, type CursorKey } from './cursor';
import type { OrderKey } from './projection';

function cursorValue(key: OrderKey, value: CursorKey[number]): Cypher.Expr {
  const param = new Cypher.Param(value);
  return key.kind === 'date'
    ? Cypher.date(param)
    : key.kind === 'datetime'
      ? Cypher.datetime(param)
      : param;
}

export function afterCursor(
  node: Cypher.Variable,
  order: readonly OrderKey[],
  cursor: CursorKey,
): Cypher.Predicate {
  checkCursorValues(
    cursor,
    order.map((k) => k.kind),
  );
  const values = order.map((k, i) => cursorValue(k, cursor[i] ?? null));
  const exprs = order.map((k) => k.expr(node));
  const beyond = (i: number): Cypher.Predicate =>
    order[i]!.direction === 'ASC'
      ? Cypher.gt(exprs[i]!, values[i]!)
      : Cypher.lt(exprs[i]!, values[i]!);
  const terms = order.map((_, i) =>
    Cypher.and(...exprs.slice(0, i).map((e, j) => Cypher.eq(e, values[j]!)), beyond(i)),
  );
  const first = order[0]!;
  const seek =
    first.direction === 'ASC'
      ? Cypher.gte(exprs[0]!, values[0]!)
      : Cypher.lte(exprs[0]!, values[0]!);
  return Cypher.and(seek, Cypher.or(...terms));
}

/** The sort keys as they leave Neo4j, for the cursor: dates as strings. */
export function cursorKeys(node: Cypher.Variable, order: readonly OrderKey[]): Cypher.Expr[] {
  return order.map((k) =>
    k.kind === 'date' || k.kind === 'datetime' ? Cypher.toString(k.expr(node)) : k.expr(node),
  );
}
