/** Loading seed files and writing them, shared by `npm run seed` and `npm start`. */
import type { Database } from '../db';
import { ValidationError } from '../errors';
import { ingest, type IngestOptions, type IngestReport, loadBundleFiles } from '../graph';

export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await db.read(
    'isGraphEmpty',
    'MATCH (n) WHERE NOT n:Migration RETURN count(n) > 0 AS any LIMIT 1',
  );
  return rows[0]?.any !== true;
}

/** Validates every file under the given paths, then writes them as one bundle. */
export async function seedPaths(
  db: Database,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const { docs, problems } = loadBundleFiles(paths);
  if (problems.length > 0) throw new ValidationError(problems);
  return ingest(db, docs, options);
}
