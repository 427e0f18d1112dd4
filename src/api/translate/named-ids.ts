/**
 * Ids a question's arguments name (a company, a purpose, a provision...), which the graph must
 * hold. Asked about one it does not hold, a question answers NOT_FOUND naming the argument, not
 * an empty page: `findings(company: "mistral")` (for "mistral-ai") or incidents citing an
 * article the graph does not hold would otherwise read as "none", which the graph never said.
 * Checked in the question's own query (one index seek per id), so still one round trip.
 */
import Cypher from '@neo4j/cypher-builder';
import { AppError } from '../../errors';
import type { NodeLabel } from '../../graph/model';

export interface NamedIds {
  /** The argument, as the error names it: "company", "filter.provision". */
  argument: string;
  label: NodeLabel;
  ids: readonly string[];
}

/** The ids of a list (an expression) that no node of `label` has. */
export function unknownOf(label: NodeLabel, ids: Cypher.Expr): Cypher.Expr {
  const id = new Cypher.Variable();
  const held = new Cypher.Exists(
    new Cypher.Pattern(new Cypher.Node(), { labels: [label], properties: { id } }),
  );
  return new Cypher.ListComprehension(id).in(ids).where(Cypher.not(held));
}

/** For each of `named`, in order, the list of its ids the graph does not hold (a parameter each). */
export const unknownIdsOf = (named: readonly NamedIds[]): Cypher.Expr =>
  new Cypher.List(named.map(({ label, ids }) => unknownOf(label, new Cypher.Param([...ids]))));

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
 * NOT_FOUND for the first of `named` whose ids the graph does not all hold; `unknown` is what
 * `unknownIdsOf` answered, or a list of `unknownOf`s in the same order.
 */
export function checkNamedIds(named: readonly NamedIds[], unknown: unknown): void {
  if (named.length === 0) return;
  if (!Array.isArray(unknown))
    throw new AppError('INTERNAL_SERVER_ERROR', 'the query did not say which named ids it holds');
  named.forEach(({ argument, label }, i) => {
    const missing = unknown[i] as unknown;
    if (!Array.isArray(missing) || missing.length === 0) return;
    const ids = missing.map((id) => `"${String(id).slice(0, 100)}"`).join(', ');
    throw new AppError(
      'NOT_FOUND',
      `no ${noun(label, missing.length)} with ${missing.length === 1 ? 'id' : 'ids'} ${ids}`,
      { argument },
    );
  });
}
