/**
 * Three ways to tell Neo4j's planner what it misjudges, each measured on the large bench graph
 * (bench:profile) where it is used.
 */
import Cypher from '@neo4j/cypher-builder';

export interface IndexHint {
  /** The node or relationship variable the index is read for. */
  variable: Cypher.Variable;
  /** Its label, or its relationship type. */
  name: string;
  properties: readonly string[];
}

/**
 * `MATCH ... USING INDEX SEEK ... WHERE ...`: @neo4j/cypher-builder 3.3 has no planner hints, so
 * the clause is composed from compiled parts (the builder still names the variables and the
 * parameters; no text from a request enters it). For an index the planner misjudges: the
 * relationship index on HANDLES(status) seeks 57,096 rows for plansDenyingRight, but the planner
 * prefers a range seek of Practice(inForceFrom) that returns 200,201. SEEK, not a bare USING
 * INDEX: where its statistics say the graph is nearly empty (a fresh or just-reset database)
 * Neo4j follows a bare hint with a scan of the whole index and a filter, and caches that plan
 * until its statistics change enough to plan again (a CI run saw the scan after a suite reset
 * the graph).
 */
export function matchUsingIndex(
  pattern: Cypher.Pattern,
  hint: IndexHint,
  where: Cypher.Predicate,
): Cypher.Clause {
  return new Cypher.Raw(
    (ctx) =>
      `MATCH ${ctx.compile(pattern)}\n` +
      `USING INDEX SEEK ${ctx.compile(hint.variable)}:${hint.name}(${hint.properties.join(', ')})\n` +
      `WHERE ${ctx.compile(where)}`,
  );
}

/**
 * Keeps the rows for which `condition` holds, checked in a subquery: after the checks of the
 * clauses before it. Beside them in one WHERE, Neo4j runs a pattern condition (EXISTS) first, on
 * every row, when the cheap property checks would have removed most rows.
 */
export function keepWhere(imports: Cypher.Variable[], condition: Cypher.Predicate): Cypher.Clause {
  return new Cypher.Call(
    Cypher.utils.concat(
      new Cypher.With(...imports).where(condition),
      new Cypher.Return([new Cypher.Literal(true), new Cypher.Variable()]),
    ),
    imports,
  );
}

/**
 * A node found first by its label and key (`MATCH`), then recognised by its element id: `is(other)`
 * compares ids, which reads nothing. For a pattern sought by a relationship index that returns
 * the relationships of every such node: with the node's key in that pattern, Neo4j reads the key
 * on every relationship before the other checks (and plans a node compared with = back into the
 * pattern). plansDenyingRight on the large bench graph: the denying HANDLES of every right are
 * 57,096; 310k db hits with the right's code in the pattern, 228k with its id.
 */
export function foundFirst(
  label: string,
  key: Record<string, Cypher.Expr>,
): { clause: Cypher.Clause; is(other: Cypher.Node): Cypher.Predicate } {
  const node = new Cypher.Node();
  const id = new Cypher.Variable();
  return {
    clause: Cypher.utils.concat(
      new Cypher.Match(new Cypher.Pattern(node, { labels: [label], properties: key })),
      new Cypher.With('*', [Cypher.elementId(node), id]),
    ),
    is: (other) => Cypher.eq(Cypher.elementId(other), id),
  };
}
