/**
 * Reads seed files: YAML (or JSON) bundles from files and folders, in a stable order.
 * A file that does not parse is reported like any other problem, with its line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Problem } from '../errors';
import type { BundleDocument } from './validate';

const BUNDLE_FILE = /\.(ya?ml|json)$/i;

/** Expands folders (recursively) into their bundle files, sorted so that runs are reproducible. */
export function listBundleFiles(paths: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const visit = (p: string): void => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      problems.push({ file: p, path: '', message: 'no such file or folder' });
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (
          statSync(child).isDirectory() ||
          (BUNDLE_FILE.test(name) && !name.endsWith('.schema.json'))
        )
          visit(child);
      }
    } else {
      files.push(p);
    }
  };
  paths.forEach(visit);
  return { files, problems };
}

/** Parses one file's text; YAML is read with the core schema, so dates stay strings. */
export function parseBundleText(
  file: string,
  text: string,
): { doc?: BundleDocument; problems: Problem[] } {
  // JSON.parse is a hundred times faster than the YAML parser on large generated bundles;
  // the YAML parser only runs to locate a syntax error.
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return { doc: { file, data: JSON.parse(text) as unknown }, problems: [] };
    } catch {
      // fall through: YAML (a superset of JSON) reports the line and column
    }
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((e) => ({
        file,
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  return { doc: { file, data: document.toJS({ maxAliasCount: 100 }) as unknown }, problems: [] };
}

export function loadBundleFiles(
  paths: string[],
  root = process.cwd(),
): { docs: BundleDocument[]; problems: Problem[] } {
  const { files, problems } = listBundleFiles(paths);
  const docs: BundleDocument[] = [];
  for (const file of files) {
    const shown = path.relative(root, file) || file;
    const parsed = parseBundleText(shown, readFileSync(file, 'utf8'));
    problems.push(...parsed.problems);
    if (parsed.doc) docs.push(parsed.doc);
  }
  return { docs, problems };
}
