/**
 * `MATCH ... USING INDEX ... WHERE ...`: @neo4j/cypher-builder 3.3 has no planner hints, so the
 * clause is composed from compiled parts (the builder still names the variables and the
 * parameters; no text from a request enters it).
 *
 * A hint is for where Neo4j's planner misjudges an index it has: the relationship index on
 * HANDLES(status) seeks 57,096 rows on the large bench graph, but the planner prefers a range
 * seek of Practice(inForceFrom) that returns 200,201 (bench/README.md, "plansDenyingRight").
 */
import Cypher from '@neo4j/cypher-builder';

export interface IndexHint {
  /** The node or relationship variable the index is read for. */
  variable: Cypher.Variable;
  /** Its label, or its relationship type. */
  name: string;
  properties: readonly string[];
}

export function matchUsingIndex(
  pattern: Cypher.Pattern,
  hint: IndexHint,
  where: Cypher.Predicate,
): Cypher.Clause {
  return new Cypher.Raw(
    (ctx) =>
      `MATCH ${ctx.compile(pattern)}\n` +
      `USING INDEX ${ctx.compile(hint.variable)}:${hint.name}(${hint.properties.join(', ')})\n` +
      `WHERE ${ctx.compile(where)}`,
  );
}
