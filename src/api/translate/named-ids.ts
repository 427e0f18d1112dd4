/**
 * Ids a question's arguments name (a company, a purpose, a provision...), which the graph must
 * hold. Asked about one it does not hold, a question answers NOT_FOUND naming the argument, not
 * an empty page: `findings(company: "mistral")` (for "mistral-ai") or incidents citing an
 * article the graph does not hold would otherwise read as "none", which the graph never said.
 * Checked in the question's own query (one index seek per id), so still one round trip.
 */
import Cypher from '@neo4j/cypher-builder';
import type { Database } from '../../db';
import { AppError } from '../../errors';
import type { NodeLabel } from '../../graph/model';

export interface NamedIds {
  /** The argument, as the error names it: "company", "filter.provision". */
  argument: string;
  label: NodeLabel;
  ids: readonly string[];
}

/**
 * The ids of a list (an expression) that a node of `label` has. Held rather than missing ids:
 * an UNWIND and a seek cost Neo4j about as little as the question without them, where a
 * comprehension testing EXISTS for each cost 0.07 ms more (incidents Art. 4, large bench graph).
 */
export function heldOf(label: NodeLabel, ids: Cypher.Expr): Cypher.Expr {
  const id = new Cypher.Variable();
  return new Cypher.Collect(
    Cypher.utils.concat(
      new Cypher.Unwind([ids, id]),
      new Cypher.Match(
        new Cypher.Pattern(new Cypher.Node(), { labels: [label], properties: { id } }),
      ),
      new Cypher.Return(id),
    ),
  );
}

/**
 * The `held` column of a question's RETURN: for each of `named`, in order, the list of its ids
 * the graph holds (a parameter each). No column when nothing is named.
 */
export const heldColumn = (named: readonly NamedIds[]): [Cypher.Expr, string][] =>
  named.length === 0
    ? []
    : [
        [
          new Cypher.List(named.map(({ label, ids }) => heldOf(label, new Cypher.Param([...ids])))),
          'held',
        ],
      ];

const NOUNS: Partial<Record<NodeLabel, [string, string]>> = {
  Company: ['company', 'companies'],
  Authority: ['authority', 'authorities'],
  DataCategory: ['data category', 'data categories'],
  LegalBasis: ['legal basis', 'legal bases'],
  Party: ['party', 'parties'],
};

function noun(label: NodeLabel, count: number): string {
  const [one, many] = NOUNS[label] ?? [label.toLowerCase(), `${label.toLowerCase()}s`];
  return count === 1 ? one : many;
}

/**
 * NOT_FOUND for the first of `named` whose ids the graph does not all hold; `held` is what
 * `heldColumn` answered, or a list of `heldOf`s in the same order.
 */
export function checkNamedIds(named: readonly NamedIds[], held: unknown): void {
  if (named.length === 0) return;
  if (!Array.isArray(held))
    throw new AppError('INTERNAL_SERVER_ERROR', 'the query did not say which named ids it holds');
  named.forEach(({ argument, label, ids }, i) => {
    const found = new Set(held[i] as unknown[]);
    const missing = [...new Set(ids)].filter((id) => !found.has(id));
    if (missing.length === 0) return;
    throw new AppError('NOT_FOUND', notHeld(label, missing), { argument });
  });
}

/**
 * What an answer says of ids the graph does not hold, for every door that names them (the
 * questions, webhooks, feeds): `no company with id "x"`, `no companies with ids "x", "y"`.
 * Ids are cut at 100 characters: the message names them, it does not echo any input whole.
 */
export function notHeld(label: NodeLabel, missing: readonly string[]): string {
  const quoted = missing.map((id) => `"${id.slice(0, 100)}"`).join(', ');
  return `no ${noun(label, missing.length)} with ${missing.length === 1 ? 'id' : 'ids'} ${quoted}`;
}

/**
 * NOT_FOUND unless the graph holds every id of `named`, in a read of its own: for an operation
 * with no query of its own to check them in (a subscription reads nothing until an event comes,
 * and one for an id the graph does not hold would wait for ever).
 */
export async function mustHold(
  db: Database,
  name: string,
  named: readonly NamedIds[],
): Promise<void> {
  if (named.length === 0) return;
  checkNamedIds(named, await readHeld(db, name, named));
}

/**
 * For each of `named`, in order, the list of its ids the graph holds, in a read of its own:
 * what `heldColumn` answers beside a question, for a caller with no question to add it to.
 */
export async function readHeld(
  db: Database,
  name: string,
  named: readonly NamedIds[],
): Promise<unknown[][]> {
  const { cypher, params } = new Cypher.Return(...heldColumn(named)).build();
  const rows = await db.read(name, `// ${name}\n${cypher}`, params);
  return (rows[0]?.held ?? []) as unknown[][];
}
