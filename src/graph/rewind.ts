/**
 * The graph as it was known at an instant, rebuilt inside a transaction that is never committed.
 *
 * Every write keeps the state it replaces as a :Version (the entry as written, and when the
 * graph held it), and every entity knows when it was first recorded. Rewinding to `knownAt`
 * removes the entities recorded after it, puts back the entry each changed entity had then
 * (through the same section table and Cypher as ingestion, so its relationships and derived
 * dates follow), and derives again what read them. The question then runs its usual Cypher in
 * the same transaction, which the caller rolls back: one implementation of every question,
 * exact for any of them, and the questions asked without `knownAt` do not change at all. The
 * cost follows the changes made since `knownAt`, which is bounded (MAX_REWOUND).
 */
import neo4j from 'neo4j-driver';
import { AppError } from '../errors';
import { OWNED_RELATIONSHIP_TYPES, SECTIONS } from './bundle-to-graph';
import { nodeRow, relationshipWrites } from './ingest';
import {
  closeReplacedPracticesCypher,
  deriveCypher,
  deriveParams,
  type StatementRunner,
} from './ingest.store';
import type { NodeLabel } from './model';

/** Entities removed or put back by one rewind, at most: as many as one write may change. */
export const MAX_REWOUND = 5000;

export interface Rewound {
  /** Entities recorded after `knownAt`, absent from the graph as it was known then. */
  removed: number;
  /** Entities changed or retracted since, shown as they were known then. */
  restored: number;
}

/** One entity to put back: the entry it had at `knownAt` and whether it was retracted then. */
interface Restore {
  id: string;
  label: string;
  entry: string;
  retractedAt: unknown;
  recordedFrom: unknown;
  /** False for an entity whose entry did not change, but whose derived values a change set. */
  relink: boolean;
}

const planCypher = `// rewind plan
CALL () {
  MATCH (n:Entity) WHERE n.recordedAt > datetime($knownAt)
  WITH n LIMIT $limit
  RETURN collect(n.id) AS removed
}
CALL () {
  MATCH (v:Version) WHERE v.recordedUntil > datetime($knownAt)
  MATCH (v)-[:VERSION_OF]->(n:Entity) WHERE n.recordedAt <= datetime($knownAt)
  WITH n, v ORDER BY v.recordedUntil
  // The first version replaced after knownAt is the state the graph held at knownAt.
  WITH n, head(collect(v)) AS v LIMIT $limit
  RETURN collect({id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0], entry: v.entry,
    retractedAt: v.retractedAt, recordedFrom: v.recordedFrom, relink: true}) AS restored
}
RETURN removed, restored`;

/**
 * What the changes set on entities they did not change: the end of a practice its successor
 * replaced, and the dates that plans, practices, incidents and provisions take from sources
 * and regulations. Those entities get their own entry's values back, then are derived again.
 */
const neighboursCypher = `// rewind neighbours
MATCH (n:Entity) WHERE n.id IN $ids
CALL (n) {
  MATCH (n)-[:REPLACES]->(old:Practice) RETURN old AS m
  UNION
  MATCH (m)-[:EVIDENCED_BY]->(n) WHERE m:Plan OR m:Practice OR m:Incident RETURN m
  UNION
  WITH n WHERE n:Regulation
  MATCH (m:Provision {regulation: n.id}) RETURN m
}
WITH DISTINCT m WHERE NOT m.id IN $ids AND m.recordedAt <= datetime($knownAt)
RETURN m.id AS id, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m.entry AS entry,
  m.retractedAt AS retractedAt, coalesce(m.updatedAt, m.recordedAt) AS recordedFrom, false AS relink`;

const removeCypher = `// rewind remove
MATCH (n:Entity) WHERE n.id IN $ids
DETACH DELETE n`;

/** Puts entries back on their nodes; the label comes from the section table, never from input. */
const restoreCypher = (label: NodeLabel) => `// rewind restore ${label}
UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
SET n += row.props, n.entry = row.entry, n.contentHash = row.hash,
  n.retractedAt = row.retractedAt, n.updatedAt = row.recordedFrom
WITH n, row WHERE row.relink
OPTIONAL MATCH (n)-[old]->() WHERE type(old) IN $owned
DELETE old`;

/**
 * Rewinds the graph, in the transaction `run` belongs to, to what it held at `knownAt` (an
 * ISO instant). The caller must roll that transaction back.
 */
export async function rewind(run: StatementRunner, knownAt: string): Promise<Rewound> {
  const [plan] = await run('rewind plan', planCypher, {
    knownAt,
    limit: neo4j.int(MAX_REWOUND + 1),
  });
  const removed = (plan?.removed ?? []) as string[];
  const restored = (plan?.restored ?? []) as unknown as Restore[];
  if (removed.length + restored.length > MAX_REWOUND)
    throw new AppError(
      'BAD_USER_INPUT',
      `"knownAt" ${knownAt} is before more than ${MAX_REWOUND} changes to the graph; a question can look back over at most ${MAX_REWOUND} (ask about a later instant)`,
      { argument: 'knownAt', limit: MAX_REWOUND },
    );
  if (removed.length === 0 && restored.length === 0) return { removed: 0, restored: 0 };

  const touched = [...removed, ...restored.map((r) => r.id)];
  const neighbours = (await run('rewind neighbours', neighboursCypher, {
    ids: touched,
    knownAt,
  })) as unknown as Restore[];
  if (removed.length > 0) await run('rewind remove', removeCypher, { ids: removed });

  const all = [...restored, ...neighbours];
  for (const spec of SECTIONS) {
    const here = all.filter((r) => r.label === spec.label);
    if (here.length === 0) continue;
    const entries = here.map((r) => JSON.parse(r.entry) as { id: string });
    const rows = here.map((r, i) => ({
      ...nodeRow(spec, entries[i]!),
      retractedAt: r.retractedAt ?? null,
      recordedFrom: r.recordedFrom ?? null,
      relink: r.relink,
    }));
    await run(`rewind restore ${spec.label}`, restoreCypher(spec.label), {
      rows,
      owned: OWNED_RELATIONSHIP_TYPES,
    });
    const relinked = entries.filter((_, i) => here[i]!.relink);
    // A reference to an entity recorded after knownAt cannot have been in an entry of then.
    for (const { field, cypher, rels } of relationshipWrites(spec, relinked))
      await run(`rewind relationships ${spec.label}.${field}`, cypher, { rels });
  }

  const derive = new Set(all.map((r) => r.id));
  const practices = all.filter((r) => r.label === 'Practice').map((r) => r.id);
  if (practices.length > 0) {
    const [closed] = await run('rewind closeReplacedPractices', closeReplacedPracticesCypher, {
      ids: practices,
    });
    for (const id of (closed?.closed as string[] | undefined) ?? []) derive.add(id);
  }
  await run('rewind derive', deriveCypher, deriveParams([...derive]));
  return { removed: removed.length, restored: restored.length };
}
