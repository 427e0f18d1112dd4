/** An entity's states: the versions its updates kept, then what the graph holds now. */
import type { Database } from '../../db';
import type { VersionChange } from './entity-version.type';

export interface StoredState {
  entry: string | null;
  recordedFrom: string;
  recordedUntil: string | null;
  retractedAt: string | null;
  operation: string | null;
  source: string | null;
  keyId: string | null;
}

export interface StoredHistory {
  id: string;
  label: string;
  /** Oldest first; the last is the current state. */
  states: StoredState[];
}

export async function readHistory(db: Database, id: string): Promise<StoredHistory | null> {
  const rows = await db.read(
    'history',
    `// history
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)<-[:VERSION_OF]-(v:Version)
  RETURN v.entry AS entry, v.recordedFrom AS recordedFrom, v.recordedUntil AS recordedUntil,
    v.retractedAt AS retractedAt, v.auditId AS auditId
  UNION ALL
  RETURN n.entry AS entry, coalesce(n.updatedAt, n.recordedAt) AS recordedFrom,
    null AS recordedUntil, n.retractedAt AS retractedAt, n.auditId AS auditId
}
WITH n, entry, recordedFrom, recordedUntil, retractedAt, auditId
ORDER BY recordedUntil IS NULL, recordedUntil, recordedFrom
OPTIONAL MATCH (a:AuditEntry {id: auditId})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
  collect({entry: entry, recordedFrom: toString(recordedFrom), recordedUntil: toString(recordedUntil),
    retractedAt: toString(retractedAt), operation: a.operation, source: a.source, keyId: a.keyId}) AS states`,
    { id },
  );
  const row = rows[0];
  if (!row) return null;
  return { id, label: row.label as string, states: row.states as unknown as StoredState[] };
}

/** The top-level fields of two entries that differ; null when either is unknown. */
export function changedFields(before: string | null, after: string | null): string[] | null {
  if (before === null || after === null) return null;
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

/** What the write that recorded `state` did, given the state before it. */
export function changeOf(state: StoredState, before: StoredState | undefined): VersionChange {
  if (!before) return 'CREATED';
  if (state.retractedAt !== null && before.retractedAt === null) return 'RETRACTED';
  return 'UPDATED';
}
