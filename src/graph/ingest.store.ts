/**
 * The Cypher of ingestion. Labels, relationship types and keys come from the
 * section table (constants), never from input; all values are parameters.
 */
import type { Params, Row } from '../db';
import type { NodeLabel } from './model';
import type { ExternalRef } from './validate';

/** Runs one named statement; in a single transaction or on its own, as the caller decides. */
export type StatementRunner = (name: string, cypher: string, params: Params) => Promise<Row[]>;

/** Merges nodes by id and tells, per row, whether it was created, updated or unchanged. */
export function mergeNodesCypher(label: NodeLabel): string {
  return `// mergeNodes ${label}
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.recordedAt = datetime($now)
WITH n, row, CASE WHEN n.contentHash IS NULL THEN 'created' WHEN n.contentHash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (n, row, outcome) {
  WITH n, row, outcome WHERE outcome <> 'unchanged'
  SET n += row.props, n.contentHash = row.hash, n.updatedAt = datetime($now)
  WITH n
  OPTIONAL MATCH (n)-[old]->() WHERE type(old) IN $owned
  DELETE old
}
RETURN outcome, collect(row.id) AS ids`;
}

/** Creates the relationships of changed entities; targets are matched by id or by code. */
export function mergeRelationshipsCypher(
  label: NodeLabel,
  type: string,
  target: NodeLabel,
  key: 'id' | 'code',
): string {
  return `// mergeRelationships ${label}-${type}->${target}
UNWIND $rels AS r
MATCH (a:${label} {id: r.from})
MATCH (b:${target} {${key}: r.to})
MERGE (a)-[x:${type}]->(b)
SET x += r.props
RETURN count(x) AS written`;
}

/** A replaced practice ends where its successor begins, unless it already states its end. */
export const closeReplacedPracticesCypher = `// closeReplacedPractices
UNWIND $ids AS id
MATCH (p:Practice {id: id})
CALL (p) {
  MATCH (p)-[:REPLACES]->(old:Practice) RETURN p AS successor, old
  UNION
  MATCH (successor:Practice)-[:REPLACES]->(p) RETURN successor, p AS old
}
WITH DISTINCT successor, old
WHERE old.validTo IS NULL AND successor.validFrom IS NOT NULL
SET old.validTo = successor.validFrom
RETURN count(old) AS closed`;

/** The audit trail: who wrote what, when, from where. */
export const recordAuditCypher = `// recordAudit
CREATE (a:AuditEntry {id: $id, at: datetime($now), keyId: $keyId, operation: $operation, source: $source,
  counts: $counts, changedIds: $changedIds})
RETURN a.id AS id`;

/** Which of the given references exist, one query per label and key. */
export async function existingReferences(
  run: StatementRunner,
  refs: ExternalRef[],
): Promise<Set<string>> {
  const groups = new Map<string, { label: NodeLabel; key: 'id' | 'code'; values: string[] }>();
  for (const r of refs) {
    const g = groups.get(`${r.label}:${r.key}`) ?? { label: r.label, key: r.key, values: [] };
    g.values.push(r.value);
    groups.set(`${r.label}:${r.key}`, g);
  }
  const found = new Set<string>();
  for (const g of groups.values()) {
    const rows = await run(
      `existingReferences ${g.label}.${g.key}`,
      `MATCH (n:${g.label}) WHERE n.${g.key} IN $values RETURN n.${g.key} AS value`,
      { values: g.values },
    );
    for (const row of rows) found.add(`${g.label}:${g.key}:${row.value as string}`);
  }
  return found;
}
