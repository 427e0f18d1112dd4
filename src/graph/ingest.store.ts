/**
 * The Cypher of ingestion. Labels, relationship types and keys come from the
 * section table (constants), never from input; all values are parameters.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Database, Params, Row } from '../db';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { type NodeLabel, START_CLAIMS } from './model';
import {
  closest,
  type ExternalRef,
  type GraphProvision,
  MAX_SUGGESTED_REFERENCES,
  MAX_SUGGESTION_CANDIDATES,
  refKey,
} from './validate';

/** Runs one named statement; in a single transaction or on its own, as the caller decides. */
export type StatementRunner = (name: string, cypher: string, params: Params) => Promise<Row[]>;

/**
 * Where statements run: the database (each statement its own transaction, reads routed to
 * readers), or a write's transaction, where what they do is kept or lost with the write.
 */
export type RunsOn = Database | StatementRunner;

/** Reads on `on`: a transaction's runner as it is, else the database's reads (within `timeoutMs`). */
export const readerOf =
  (on: RunsOn, timeoutMs?: number): StatementRunner =>
  (name, cypher, params) =>
    typeof on === 'function' ? on(name, cypher, params) : on.read(name, cypher, params, timeoutMs);

/** Writes on `on`: a transaction's runner as it is, else one write transaction each. */
export const writerOf =
  (on: RunsOn): StatementRunner =>
  (name, cypher, params) =>
    typeof on === 'function' ? on(name, cypher, params) : on.write(name, cypher, params);

/** Runs each statement in `tx`; rows keep the driver's values, unconverted. */
export const transactionRunner =
  (tx: ManagedTransaction): StatementRunner =>
  async (_name, cypher, params) =>
    (await tx.run(cypher, params)).records.map((r) => r.toObject());

/** `(n:A OR n:B)`: the labels come from the section table, never from input. */
const hasLabel = (v: string, labels: readonly NodeLabel[]): string =>
  `(${labels.map((l) => `${v}:${l}`).join(' OR ')})`;

/**
 * Merges nodes by id and tells, per row, whether it was created, updated or unchanged. An
 * update keeps what it replaces as a :Version (the entry as it was written, when, and by which
 * audited write), so that what the graph said on a day can be shown; nothing is overwritten
 * without a trace.
 */
export function mergeNodesCypher(label: NodeLabel): string {
  return `// mergeNodes ${label}
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n:Entity, n.recordedAt = datetime($now)
WITH n, row, CASE WHEN n.contentHash IS NULL THEN 'created' WHEN n.contentHash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (n, outcome) {
  WITH n, outcome WHERE outcome = 'updated'
  CREATE (v:Version {entry: n.entry, hash: n.contentHash, recordedFrom: coalesce(n.updatedAt, n.recordedAt),
    recordedUntil: datetime($now), auditId: n.auditId, replacedBy: $auditId,
    retractedAt: n.retractedAt})-[:VERSION_OF]->(n)
}
CALL (n, row, outcome) {
  WITH n, row, outcome WHERE outcome <> 'unchanged'
  SET n += row.props, n.contentHash = row.hash, n.entry = row.entry, n.auditId = $auditId,
    n.updatedAt = datetime($now)
  WITH n
  OPTIONAL MATCH (n)-[old]->() WHERE type(old) IN $owned
  DELETE old
}
RETURN outcome, collect(row.id) AS ids`;
}

/**
 * Creates the relationships of changed entities; targets are matched by id or by code. With
 * `identity`, a relationship is one per target and identity values (null equal to null), so
 * that one source can both support and dispute a statement; otherwise one per target.
 */
export function mergeRelationshipsCypher(
  label: NodeLabel,
  type: string,
  targets: readonly NodeLabel[],
  key: 'id' | 'code',
  identity: readonly string[] = [],
): string {
  const match = `MATCH (a:${label} {id: r.from})
MATCH (b) WHERE b.${key} = r.to AND ${hasLabel('b', targets)}`;
  if (identity.length === 0)
    return `// mergeRelationships ${label}-${type}->${targets.join('|')}
UNWIND $rels AS r
${match}
MERGE (a)-[x:${type}]->(b)
SET x += r.props
RETURN count(x) AS written`;
  // The identity keys come from the section table (constants), never from input.
  const same = identity
    .map((k) => `(x.${k} = r.props.${k} OR (x.${k} IS NULL AND r.props.${k} IS NULL))`)
    .join(' AND ');
  return `// mergeRelationships ${label}-${type}->${targets.join('|')} by ${identity.join(', ')}
UNWIND $rels AS r
${match}
CALL (a, b, r) {
  OPTIONAL MATCH (a)-[x:${type}]->(b) WHERE ${same}
  WITH a, b, r, head(collect(x)) AS found
  CALL (a, b, r, found) {
    WITH a, b, r, found WHERE found IS NULL
    CREATE (a)-[x:${type}]->(b)
    SET x += r.props
  }
  CALL (r, found) {
    WITH r, found WHERE found IS NOT NULL
    SET found += r.props
  }
}
RETURN count(*) AS written`;
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
WITH DISTINCT old
WHERE old.validTo IS NULL
// A practice split by plan, region or data ends when its first successor starts.
CALL (old) {
  MATCH (successor:Practice)-[:REPLACES]->(old) WHERE successor.validFrom IS NOT NULL
  RETURN successor ORDER BY successor.validFrom, successor.validFromLatest LIMIT 1
}
SET old.validTo = successor.validFrom, old.validToPrecision = successor.validFromPrecision,
  old.validToLatest = successor.validFromLatest
RETURN collect(old.id) AS closed`;

/**
 * Practices whose history the write broke: two successors of one practice that cover a common
 * plan in overlapping scopes for common data (a fork; splitting a practice by plan, region or
 * data category is how a company's practice often changes), or a successor that starts before
 * its predecessor started or ended.
 */
export const historyViolationsCypher = `// historyViolations
UNWIND $ids AS id
MATCH (p:Practice {id: id})
CALL (p) {
  MATCH (p)-[:REPLACES]->(old:Practice) RETURN old
  UNION
  MATCH (p)<-[:REPLACES]-(:Practice)-[:REPLACES]->(old:Practice) RETURN old
  UNION
  RETURN p AS old
}
WITH DISTINCT old
MATCH (s:Practice)-[:REPLACES]->(old)
CALL (s, old) {
  MATCH (s)-[:APPLIES_TO]->(plan:Plan)<-[:APPLIES_TO]-(twin:Practice)-[:REPLACES]->(old)
  WHERE twin <> s AND (
    'WORLDWIDE' IN s.scope OR 'WORLDWIDE' IN twin.scope OR any(x IN s.scope WHERE x IN twin.scope))
    AND (NOT EXISTS { (s)-[:PROCESSES]->() } OR NOT EXISTS { (twin)-[:PROCESSES]->() }
      OR EXISTS { (s)-[:PROCESSES]->(:DataCategory)<-[:PROCESSES]-(twin) })
  RETURN collect(DISTINCT twin.id) AS twins
}
WITH old, s, twins,
  CASE
    WHEN size(twins) > 0 THEN 'FORK'
    WHEN s.validFrom IS NOT NULL AND old.validFrom IS NOT NULL AND s.validFrom <= old.validFrom THEN 'STARTS_BEFORE'
    WHEN s.validFrom IS NOT NULL AND old.validTo IS NOT NULL AND old.validTo > s.validFrom THEN 'OVERLAPS'
  END AS problem
WHERE problem IS NOT NULL
RETURN problem, old.id AS old, s.id AS successor, twins,
  toString(s.validFrom) AS from, toString(old.validFrom) AS oldFrom, toString(old.validTo) AS oldTo
ORDER BY old, successor`;

/**
 * Practices in force beside one that must be the only one on its plans, purpose and scope (a
 * curator's recordPractice). Writing a practice locks its plans, so of two such writes racing
 * the later one sees the earlier one here.
 */
export const openRivalsCypher = `// openRivals
UNWIND $ids AS id
MATCH (p:Practice {id: id})-[:FOR_PURPOSE]->(:Purpose)<-[:FOR_PURPOSE]-(rival:Practice)
WHERE rival <> p AND rival.validTo IS NULL AND rival.retractedAt IS NULL AND p.validTo IS NULL
  AND ('WORLDWIDE' IN p.scope OR 'WORLDWIDE' IN rival.scope OR any(x IN p.scope WHERE x IN rival.scope))
  AND EXISTS { (p)-[:APPLIES_TO]->(:Plan)<-[:APPLIES_TO]-(rival) }
RETURN p.id AS practice, collect(rival.id) AS rivals
ORDER BY practice`;

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

/** For each of the given sources the graph holds, whether it has a publication date (validate.ts). */
export async function datedSources(
  run: StatementRunner,
  ids: string[],
): Promise<Map<string, boolean>> {
  const rows = await run(
    'datedSources',
    'MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.publishedAt IS NOT NULL AS dated',
    { ids },
  );
  return new Map(rows.map((r) => [r.id as string, r.dated as boolean]));
}

/**
 * The graph's provisions around a bundle's (validate.ts, ProvisionLookup): the wholes it names
 * and those above them (at most ten levels: an article's points sit three below it), and the
 * parts of its own provisions that it does not hold.
 */
export async function provisionsAround(
  run: StatementRunner,
  asked: { wholes: string[]; provisions: string[] },
): Promise<{ above: GraphProvision[]; below: GraphProvision[] }> {
  const [row] = await run(
    'provisionsAround',
    `CALL () {
  UNWIND $wholes AS id
  MATCH (:Provision {id: id})-[:PART_OF*0..10]->(p:Provision)
  WITH DISTINCT p
  RETURN collect({id: p.id, regulation: p.regulation,
    partOf: [(p)-[:PART_OF]->(whole:Provision) | whole.id][0]}) AS above
}
CALL () {
  UNWIND $provisions AS id
  MATCH (p:Provision)-[:PART_OF]->(:Provision {id: id})
  WHERE NOT p.id IN $provisions
  RETURN collect({id: p.id, regulation: p.regulation, partOf: id}) AS below
}
RETURN above, below`,
    asked,
  );
  const provisions = (list: unknown): GraphProvision[] =>
    (list as { id: string; regulation: string; partOf: string | null }[]).map((p) => ({
      id: p.id,
      regulation: p.regulation,
      ...(p.partOf === null ? {} : { partOf: p.partOf }),
    }));
  return { above: provisions(row?.above ?? []), below: provisions(row?.below ?? []) };
}

/**
 * Ids of the bundle that the graph already gives to a node of another kind: ids are unique
 * across the whole graph (the :Entity constraint refuses them too; this names them first).
 */
export async function idsTakenByOtherLabels(
  run: StatementRunner,
  entries: { id: string; label: NodeLabel }[],
): Promise<{ id: string; label: NodeLabel; existing: string }[]> {
  if (entries.length === 0) return [];
  const rows = await run(
    'idsTakenByOtherLabels',
    `UNWIND $entries AS e
MATCH (n:Entity {id: e.id}) WHERE NOT e.label IN labels(n)
RETURN e.id AS id, e.label AS label, [l IN labels(n) WHERE l <> 'Entity'][0] AS existing`,
    { entries },
  );
  return rows.map((r) => ({
    id: r.id as string,
    label: r.label as NodeLabel,
    existing: r.existing as string,
  }));
}

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
      // Up to 2,000 comparisons each (a few ms): other requests run between two references.
      await yieldToLoop();
    }
  }
  return out;
}

/**
 * Values that follow from other nodes, set after every write of the nodes they read:
 * - a provision's citation ("DMA Art. 5(2)") from its regulation's short name;
 * - a plan's, practice's or incident's lastAttested: the date of its newest dated supporting
 *   source (any claim), the newest by its last possible day, then the more precise;
 * - from which day a plan is certainly offered, and until when (see the README's "Dates");
 * - from which day a practice is certainly in force, and until when; with no known start,
 *   from the earliest date a source shows it (attestedFrom, or its earliest dated source backing
 *   the statement itself: START_CLAIMS, not a right or a legal basis a page may state earlier).
 * Each is the last day of a partial start and the first day of a partial end: what is certain.
 */
export const deriveCypher = `// derive
MATCH (n) WHERE n.id IN $ids AND (n:Provision OR n:Plan OR n:Practice OR n:Incident)
CALL (n) {
  WITH n WHERE n:Provision
  OPTIONAL MATCH (r:Regulation {id: n.regulation})
  SET n.citation = coalesce(r.shortName + ' ', '') + n.ref
}
CALL (n) {
  WITH n WHERE NOT n:Provision
  WITH n, COLLECT { MATCH (n)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) WHERE s.publishedAt IS NOT NULL
    RETURN s ORDER BY s.publishedAtLatest DESC, s.publishedAt DESC LIMIT 1 }[0] AS newest
  SET n.lastAttested = newest.publishedAt, n.lastAttestedPrecision = newest.publishedAtPrecision,
      n.lastAttestedLatest = newest.publishedAtLatest
}
CALL (n) {
  WITH n WHERE n:Plan
  SET n.availableFrom = CASE WHEN n.neverLaunched THEN null ELSE coalesce(n.launchedLatest, n.attestedFromLatest,
        COLLECT { MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) WHERE e.claim IN $planStart
          RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]) END,
      n.availableUntil = n.withdrawn
}
CALL (n) {
  WITH n WHERE n:Practice
  SET n.inForceFrom = coalesce(n.validFromLatest, n.attestedFromLatest,
        COLLECT { MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) WHERE e.claim IN $practiceStart
          RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]),
      n.inForceUntil = n.validTo
}
RETURN count(n) AS derived`;

/** deriveCypher's parameters for the given nodes. */
export function deriveParams(ids: string[]): Params {
  return { ids, planStart: START_CLAIMS.Plan, practiceStart: START_CLAIMS.Practice };
}

/** The provisions, plans, practices and incidents whose derived values read the given nodes. */
export const dependentsCypher = `// dependents
MATCH (n) WHERE n.id IN $ids
CALL (n) {
  WITH n WHERE n:Regulation
  MATCH (p:Provision {regulation: n.id}) RETURN p.id AS id
  UNION
  WITH n WHERE n:Source
  MATCH (p)-[:EVIDENCED_BY]->(n) WHERE p:Plan OR p:Practice OR p:Incident RETURN p.id AS id
}
RETURN collect(DISTINCT id) AS ids`;
