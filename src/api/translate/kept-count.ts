/**
 * A list's exact total, kept until the graph changes. A filter's total counts every incident
 * it matches (Art. 12: 7,330 on the large bench graph, 29,000 at xlarge), while its page reads
 * 21 rows: the count is what grows with the graph. A reader paging through the list, or a
 * dashboard asking again, gets the same count every time until a write, so it is kept as the
 * kept answers are (src/db/kept-answers.ts), by the graph's version token, but apart from the
 * page: under a key naming what the total is built from (the filter), not the cursor or the
 * selection, so every page of the list reads one count.
 *
 * The gate is in the query: Neo4j reads the token and counts only when it differs from the
 * version of the count this process kept (an UNWIND of an empty list ends the subquery before
 * the count; a WHERE on the token would be pushed below the count's reads). Still one query,
 * and a write through another replica or a CLI is seen at once. The answer is
 * `[version, count]`: the kept pair when Neo4j did not count.
 */
import Cypher from '@neo4j/cypher-builder';

// One map, {version, count}: Neo4j keys its plans on each parameter's type and length, and a
// filter's first ask sends nulls (nothing kept) where later asks send a token and a count, so
// two parameters would make two plans of each filtered list. A map's contents are not in the
// key.
const kept = new Cypher.NamedParam('keptCount');
const keptCountVersion = kept.property('version');
const keptCount = kept.property('count');

/**
 * The gate: a list of one `[version, count]`, counted, when the graph's version differs from
 * `$keptCount.version`; else empty. Bind it in a WITH before the answer that reads it
 * (keptCountFrom): in a WITH, Neo4j plans the subquery as an operator of the query; inside the
 * answer's map, under head() and coalesce(), as a nested plan it runs apart (incidents citing
 * Art. 4 on the large bench graph: 0.05 ms of Neo4j's 1.2 ms a page).
 */
export function keptCountGate(count: Cypher.Expr): Cypher.Expr {
  const version = new Cypher.Node();
  const token = version.property('token');
  const unkept = new Cypher.Variable();
  return new Cypher.Collect(
    Cypher.utils.concat(
      new Cypher.OptionalMatch(
        new Cypher.Pattern(version, {
          labels: ['GraphVersion'],
          properties: { key: new Cypher.Literal('graph') },
        }),
      ),
      new Cypher.Unwind([
        new Cypher.Case()
          .when(Cypher.eq(token, keptCountVersion))
          .then(new Cypher.List([]))
          .else(new Cypher.List([Cypher.true])),
        unkept,
      ]),
      new Cypher.Return(new Cypher.List([token, count])),
    ),
  );
}

/** The total as `[version, count]`: the gate's (bound to `gated`), else the kept pair. */
export const keptCountFrom = (gated: Cypher.Variable): Cypher.Expr =>
  Cypher.coalesce(Cypher.head(gated), new Cypher.List([keptCountVersion, keptCount]));
