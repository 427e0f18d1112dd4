/** Bundle files into the graph: for `npm run seed`, `npm start` on an empty graph, tests and benches. */
import type { Database } from '../db';
import { ValidationError } from '../errors';
import { ingest, type IngestOptions, type IngestReport } from './ingest';
import { loadBundleFiles } from './load-files';

/** Whether the graph holds nothing but migration records and its version (then `npm start` seeds it). */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await db.read(
    'isGraphEmpty',
    'MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion RETURN count(n) > 0 AS any LIMIT 1',
  );
  return rows[0]?.any !== true;
}

/** Validates every file under the given paths, then writes them as one bundle. */
export async function ingestFiles(
  db: Database,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const { docs, problems } = loadBundleFiles(paths);
  if (problems.length > 0) throw new ValidationError(problems);
  return ingest(db, docs, options);
}
