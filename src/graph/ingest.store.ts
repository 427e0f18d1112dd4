/**
 * The Cypher of ingestion. Labels, relationship types and keys come from the
 * section table (constants), never from input; all values are parameters.
 */
import type { Params, Row } from '../db';
import neo4j from 'neo4j-driver';
import type { NodeLabel } from './model';
import { closest, type ExternalRef, MAX_SUGGESTION_CANDIDATES, refKey } from './validate';

/** Runs one named statement; in a single transaction or on its own, as the caller decides. */
export type StatementRunner = (name: string, cypher: string, params: Params) => Promise<Row[]>;

/** `(n:A OR n:B)`: the labels come from the section table, never from input. */
const hasLabel = (v: string, labels: readonly NodeLabel[]): string =>
  `(${labels.map((l) => `${v}:${l}`).join(' OR ')})`;

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
  targets: readonly NodeLabel[],
  key: 'id' | 'code',
): string {
  return `// mergeRelationships ${label}-${type}->${targets.join('|')}
UNWIND $rels AS r
MATCH (a:${label} {id: r.from})
MATCH (b) WHERE b.${key} = r.to AND ${hasLabel('b', targets)}
MERGE (a)-[x:${type}]->(b)
SET x += r.props
RETURN count(x) AS written`;
}

/**
 * A replaced practice ends where its successor begins (with the same precision), unless it
 * already states its end. Returns the ids it closed, whose derived values change.
 */
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
SET old.validTo = successor.validFrom, old.validToPrecision = successor.validFromPrecision,
  old.validToLatest = successor.validFromLatest
RETURN collect(old.id) AS closed`;

/** The audit trail: who wrote what, when, from where. */
export const recordAuditCypher = `// recordAudit
CREATE (a:AuditEntry {id: $id, at: datetime($now), keyId: $keyId, operation: $operation, source: $source,
  counts: $counts, changedIds: $changedIds})
RETURN a.id AS id`;

function groupRefs(refs: ExternalRef[]) {
  const groups = new Map<
    string,
    { labels: readonly NodeLabel[]; key: 'id' | 'code'; values: string[] }
  >();
  for (const r of refs) {
    const name = `${r.labels.join('|')}:${r.key}`;
    const g = groups.get(name) ?? { labels: r.labels, key: r.key, values: [] };
    g.values.push(r.value);
    groups.set(name, g);
  }
  return groups.values();
}

/** Which of the given references exist, one query per group of labels and key. */
export async function existingReferences(
  run: StatementRunner,
  refs: ExternalRef[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const g of groupRefs(refs)) {
    const rows = await run(
      `existingReferences ${g.labels.join('|')}.${g.key}`,
      `MATCH (n) WHERE n.${g.key} IN $values AND ${hasLabel('n', g.labels)} RETURN DISTINCT n.${g.key} AS value`,
      { values: g.values },
    );
    for (const row of rows)
      found.add(refKey({ labels: g.labels, key: g.key, value: row.value as string }));
  }
  return found;
}

/** References looked for in the graph's ids at most: "did you mean" stays bounded work. */
export const MAX_SUGGESTED_REFERENCES = 50;

/**
 * Near misses for missing id references: ids of the same labels sharing the first three
 * characters (an index seek), compared by edit distance. At most MAX_SUGGESTED_REFERENCES
 * references, and MAX_SUGGESTION_CANDIDATES ids each, are looked at.
 */
export async function nearReferences(
  run: StatementRunner,
  refs: ExternalRef[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const asked = refs
    .filter((r) => r.key === 'id' && r.value.length >= 3)
    .slice(0, MAX_SUGGESTED_REFERENCES);
  for (const g of groupRefs(asked)) {
    const prefixes = [...new Set(g.values.map((v) => v.slice(0, 3)))];
    const rows = await run(
      `nearReferences ${g.labels.join('|')}`,
      `UNWIND $prefixes AS prefix
CALL (prefix) {
  MATCH (n) WHERE n.id STARTS WITH prefix AND ${hasLabel('n', g.labels)}
  RETURN n.id AS id LIMIT $max
}
RETURN prefix, collect(id) AS ids`,
      { prefixes, max: neo4j.int(MAX_SUGGESTION_CANDIDATES) },
    );
    const byPrefix = new Map(rows.map((r) => [r.prefix as string, r.ids as string[]]));
    for (const value of g.values) {
      const near = closest(value, byPrefix.get(value.slice(0, 3)) ?? []);
      if (near) out.set(refKey({ labels: g.labels, key: g.key, value }), near);
    }
  }
  return out;
}

/**
 * Values that follow from other nodes, set after every write of the nodes they read:
 * - a provision's citation ("DMA Art. 5(2)") from its regulation's short name;
 * - from which day a plan is certainly offered, and until when (see the README's "Dates");
 * - from which day a practice is certainly in force, and until when; with no known start,
 *   from the earliest date a source shows it (attestedFrom, or its earliest supporting source).
 * Each is the last day of a partial start and the first day of a partial end: what is certain.
 */
export const deriveCypher = `// derive
MATCH (n) WHERE n.id IN $ids AND (n:Provision OR n:Plan OR n:Practice)
CALL (n) {
  WITH n WHERE n:Provision
  OPTIONAL MATCH (r:Regulation {id: n.regulation})
  SET n.citation = coalesce(r.shortName + ' ', '') + n.ref
}
CALL (n) {
  WITH n WHERE n:Plan
  SET n.availableFrom = CASE WHEN n.neverLaunched THEN null ELSE coalesce(n.launchedLatest, n.attestedFromLatest,
        COLLECT { MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]) END,
      n.availableUntil = n.withdrawn
}
CALL (n) {
  WITH n WHERE n:Practice
  SET n.inForceFrom = coalesce(n.validFromLatest, n.attestedFromLatest,
        COLLECT { MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]),
      n.inForceUntil = n.validTo
}
RETURN count(n) AS derived`;

/** The provisions, plans and practices whose derived values read the given nodes. */
export const dependentsCypher = `// dependents
MATCH (n) WHERE n.id IN $ids
CALL (n) {
  WITH n WHERE n:Regulation
  MATCH (p:Provision {regulation: n.id}) RETURN p.id AS id
  UNION
  WITH n WHERE n:Source
  MATCH (p)-[:EVIDENCED_BY]->(n) WHERE p:Plan OR p:Practice RETURN p.id AS id
}
RETURN collect(DISTINCT id) AS ids`;
