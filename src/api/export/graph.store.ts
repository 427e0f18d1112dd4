/**
 * The Cypher of the graph export: every node of the model's labels and every relationship the
 * bundles define, in a stable order. Labels and types are passed as parameters, never spliced.
 */
import type { Database } from '../../db';
import { NODE_LABELS, type NodeLabel, SECTIONS } from '../../graph';

/** The relationship types the seed bundles define: the model's edges, not bookkeeping. */
export const MODEL_RELATIONSHIP_TYPES: string[] = [
  ...new Set(
    SECTIONS.flatMap((s) =>
      (s.references as readonly { type?: string }[]).flatMap((r) => (r.type ? [r.type] : [])),
    ),
  ),
].sort();

/** One node of the model with its outgoing model relationships, as the export reads it. */
export interface ExportedNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  /** Ordered by type, then the target's label and id. */
  out: ExportedLink[];
}

export interface ExportedLink {
  type: string;
  toLabel: NodeLabel;
  toId: string;
  /** The target's DPV term, if it names one (a practice's purpose, basis, data, rights). */
  toDpv: string | null;
  props: Record<string, unknown>;
}

/**
 * One statement, streamed: nodes in id order, read from the :Entity id index in that order
 * (no sort of the whole graph), each with its outgoing relationships. A node's relationships
 * come with it, so the export never holds more than the driver's current batch.
 */
const EXPORT_GRAPH = `// exportGraph
MATCH (n:Entity)
WHERE n.id IS NOT NULL
WITH n ORDER BY n.id
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
CALL (n) {
  MATCH (n)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b.id IS NOT NULL
  WITH r, b, [l IN labels(b) WHERE l IN $labels][0] AS toLabel
  WHERE toLabel IS NOT NULL
  ORDER BY type(r), toLabel, b.id
  RETURN collect({type: type(r), toLabel: toLabel, toId: b.id, toDpv: b.dpv, props: properties(r)}) AS out
}
RETURN label, n.id AS id, properties(n) AS props, out`;

/** The model's nodes, one at a time, as the consumer takes them. */
export async function* streamGraph(db: Database): AsyncGenerator<ExportedNode> {
  const rows = db.stream('exportGraph', EXPORT_GRAPH, {
    labels: [...NODE_LABELS],
    types: MODEL_RELATIONSHIP_TYPES,
  });
  for await (const row of rows) yield row as unknown as ExportedNode;
}
