/**
 * Checks seed files without a database: every reference must be defined in the files given.
 * For curators' editors and for CI (`npm run seed -- --offline`).
 */
import type { Problem } from '../errors';
import { loadBundleFiles } from './load-files';
import { validateBundles } from './validate';

export interface FileCheck {
  ok: boolean;
  problems: Problem[];
  warnings: Problem[];
  /** Entities per section, when the files are valid. */
  counts: Record<string, number>;
}

export async function checkBundleFiles(paths: string[], root = process.cwd()): Promise<FileCheck> {
  const { docs, problems } = loadBundleFiles(paths, root);
  const result = await validateBundles(docs);
  if (!result.ok || problems.length > 0) {
    return {
      ok: false,
      problems: [...problems, ...(result.ok ? [] : result.problems)],
      warnings: result.ok ? result.value.warnings : result.warnings,
      counts: {},
    };
  }
  const counts: Record<string, number> = {};
  for (const [section, entries] of Object.entries(result.value.bundle)) {
    if (Array.isArray(entries) && entries.length > 0) counts[section] = entries.length;
  }
  return { ok: true, problems: [], warnings: result.value.warnings, counts };
}
