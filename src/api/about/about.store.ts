import type { Database } from '../../db';
import { NODE_LABELS } from '../../graph';

/**
 * Counts per label from the count store: one `COUNT { (:Label) }` per label, constant time
 * each. Labels cannot be parameters; these are the model's own constants, never request text.
 */
const NODE_COUNTS = `// nodeCounts
UNWIND [${NODE_LABELS.map((label) => `{label: '${label}', count: COUNT { (:${label}) }}`).join(', ')}] AS row
RETURN row.label AS label, row.count AS count`;

export async function nodeCounts(db: Database): Promise<{ label: string; count: number }[]> {
  const rows = await db.read('nodeCounts', NODE_COUNTS);
  return rows.map((r) => ({ label: r.label as string, count: Number(r.count) }));
}
