/**
 * Applies the Cypher files in schema/migrations in name order, each once.
 * What was applied is recorded in the graph as (:Migration {id, checksum, appliedAt}),
 * so that /readyz can tell whether the schema is current. Statements use IF NOT EXISTS,
 * so two processes migrating at once do no harm.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../schema/migrations');

interface MigrationFile {
  id: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

/** Splits a file on semicolons that end a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

async function appliedChecksums(db: Database): Promise<Map<string, string>> {
  const rows = await db.read(
    'appliedMigrations',
    'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum',
  );
  return new Map(rows.map((r) => [r.id as string, r.checksum as string]));
}

/** Ids of the migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Database, dir?: string): Promise<string[]> {
  const applied = await appliedChecksums(db);
  return readMigrations(dir)
    .filter((m) => !applied.has(m.id))
    .map((m) => m.id);
}

export async function applyMigrations(db: Database, dir?: string): Promise<MigrationReport> {
  const files = readMigrations(dir);
  // The Migration constraint lives in the first file; without it the lookup below would still work, only slower.
  const applied = await appliedChecksums(db);
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const m of files) {
    const previous = applied.get(m.id);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        throw new AppError(
          'CONFLICT',
          `migration ${m.id} was changed after it was applied; add a new migration file instead of editing it`,
        );
      }
      report.alreadyApplied.push(m.id);
      continue;
    }
    for (const [i, statement] of m.statements.entries())
      await db.autoCommit(`migration ${m.id}#${i + 1}`, statement);
    await db.write(
      'recordMigration',
      'MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: m.id, checksum: m.checksum },
    );
    report.applied.push(m.id);
  }
  // An index a migration creates is usable once populated: until then Neo4j plans without it and
  // drops the USING INDEX hints that name it, silently (translate/planner-hints.ts).
  if (report.applied.length > 0) await db.autoCommit('awaitIndexes', 'CALL db.awaitIndexes(600)');
  return report;
}
