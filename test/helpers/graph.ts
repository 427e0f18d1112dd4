/**
 * The test helper that owns the driver: every suite connects to the Neo4j that
 * global setup found, and resets or checks the graph through the db layer.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { applyMigrations, Database, type DatabaseSettings } from '../../src/db';
import { ingestFiles } from '../../src/graph/ingest-files';
import type { IngestReport } from '../../src/graph';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/** This Jest worker's own Neo4j: suites of one worker run one after the other on it. */
export function workerNeo4jUri(): string | undefined {
  const listed = process.env.NEO4J_TEST_URIS?.split(',').filter((u) => u.length > 0) ?? [];
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return listed[(worker - 1) % Math.max(1, listed.length)] ?? process.env.NEO4J_URI;
}

export function testDatabase(): Database {
  return new Database(testDatabaseSettings());
}

/** This worker's Neo4j, for a suite that makes its own kind of Database. */
export function testDatabaseSettings(): DatabaseSettings {
  const uri = workerNeo4jUri();
  if (!uri) throw new Error('no test Neo4j: the Jest global setup should have set NEO4J_TEST_URIS');
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'password',
    timeoutMs: 5000,
  };
}

/**
 * Removes every node but the migration records, then makes sure the schema is in place (on an
 * empty graph: a constraint a previous suite's leftovers would break can always be created).
 */
export async function resetGraph(db: Database): Promise<void> {
  await db.autoCommit(
    'resetGraph',
    'MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
  await applyMigrations(db);
}

export async function seedCurated(db: Database): Promise<IngestReport> {
  return ingestFiles(db, [SEEDS_DIR]);
}

export interface GraphSnapshot {
  nodes: number;
  relationships: number;
  checksum: string;
  /** Audit entries are bookkeeping, counted apart: a refused write leaves none. */
  auditEntries: number;
}

/** Counts and a checksum of every node's and relationship's properties: equal snapshots, equal graphs. */
export async function graphSnapshot(db: Database): Promise<GraphSnapshot> {
  const rows = await db.read(
    'graphSnapshot',
    // Proposals are bookkeeping too: out of the graph until a curator approves one (a write).
    `MATCH (n) WHERE NOT n:Migration AND NOT n:AuditEntry AND NOT n:ApiKey AND NOT n:Proposal AND NOT n:GraphVersion
     WITH n ORDER BY n.id
     WITH collect(labels(n)[0] + ':' + n.id + ':' + coalesce(n.contentHash, '') + ':' + coalesce(toString(n.validTo), '')) AS nodes
     CALL () {
       MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT a:AuditEntry
       WITH a.id + '-' + type(r) + '->' + b.id + ':' + coalesce(r.stance, '') + coalesce(r.status, '') AS rel ORDER BY rel
       RETURN collect(rel) AS rels
     }
     RETURN nodes, rels, COUNT { (:AuditEntry) } AS audit`,
  );
  const nodes = (rows[0]?.nodes ?? []) as string[];
  const rels = (rows[0]?.rels ?? []) as string[];
  const checksum = createHash('sha256')
    .update(JSON.stringify([nodes, rels]))
    .digest('hex');
  return {
    nodes: nodes.length,
    relationships: rels.length,
    checksum,
    auditEntries: Number(rows[0]?.audit ?? 0),
  };
}
