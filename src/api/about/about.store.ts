import type { Database } from '../../db';
import { NODE_LABELS } from '../../graph';

/** Counts per label from the count store (constant time per label). */
export async function nodeCounts(db: Database): Promise<{ label: string; count: number }[]> {
  const rows = await db.read(
    'nodeCounts',
    `// nodeCounts
UNWIND $labels AS label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS count }
RETURN label, count`,
    { labels: [...NODE_LABELS] },
  );
  return rows.map((r) => ({ label: r.label as string, count: Number(r.count) }));
}
