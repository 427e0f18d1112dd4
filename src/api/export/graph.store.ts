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

export interface ExportedNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
}

export interface ExportedRelationship {
  fromLabel: NodeLabel;
  fromId: string;
  type: string;
  toLabel: NodeLabel;
  toId: string;
  props: Record<string, unknown>;
}

/** One statement, so nodes and relationships come from one transaction and agree. */
const EXPORT_GRAPH = `// exportGraph
CALL () {
  MATCH (n)
  WHERE n.id IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels)
  WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
  ORDER BY label, n.id
  RETURN collect({label: label, id: n.id, props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND a.id IS NOT NULL AND b.id IS NOT NULL
    AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
  WITH a, r, b, [l IN labels(a) WHERE l IN $labels][0] AS fromLabel, [l IN labels(b) WHERE l IN $labels][0] AS toLabel
  ORDER BY fromLabel, a.id, type(r), toLabel, b.id
  RETURN collect({fromLabel: fromLabel, fromId: a.id, type: type(r), toLabel: toLabel, toId: b.id, props: properties(r)}) AS relationships
}
RETURN nodes, relationships`;

export async function readGraph(
  db: Database,
): Promise<{ nodes: ExportedNode[]; relationships: ExportedRelationship[] }> {
  const rows = await db.read('exportGraph', EXPORT_GRAPH, {
    labels: [...NODE_LABELS],
    types: MODEL_RELATIONSHIP_TYPES,
  });
  const row = rows[0];
  return {
    nodes: (row?.nodes ?? []) as unknown as ExportedNode[],
    relationships: (row?.relationships ?? []) as unknown as ExportedRelationship[],
  };
}
