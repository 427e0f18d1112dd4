/**
 * Validation of bundles, shared by `npm run seed` and the curators' mutations.
 * It finds every problem (not just the first) before anything is written:
 * schema errors, duplicate ids, unknown references, impossible dates.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Problem } from '../errors';
import { type Bundle, BundleSchema } from './bundle.schema';
import type { NodeLabel } from './model';
import { type RelationSpec, SECTIONS } from './sections';

export interface BundleDocument {
  /** The file (or "input") the bundle came from, for messages. */
  file: string;
  data: unknown;
}

/** A reference that the bundle itself does not define, to be looked up in the graph. */
export interface ExternalRef {
  label: NodeLabel;
  key: 'id' | 'code';
  value: string;
}

/** Answers which of the given references exist in the graph. */
export type ReferenceLookup = (refs: ExternalRef[]) => Promise<Set<string>>;

export interface EntityOrigin {
  file: string;
  path: string;
  hash: string;
}

export interface ValidatedBundle {
  bundle: Bundle;
  /** Where each entity was defined, and the hash of its content: `${label}:${id}` -> origin. */
  origins: Map<string, EntityOrigin>;
  warnings: Problem[];
}

export type ValidationResult =
  { ok: true; value: ValidatedBundle } | { ok: false; problems: Problem[]; warnings: Problem[] };

export const refKey = (r: Pick<ExternalRef, 'label' | 'key' | 'value'>): string =>
  `${r.label}:${r.key}:${r.value}`;

/** The stable content hash of an entity: equal content, equal hash, whatever the key order. */
export function contentHash(entry: unknown): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 32);
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    const name = String(part);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((i) => {
    let message = i.message;
    if (i.code === 'unrecognized_keys')
      message = `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`;
    return { file, path: issuePath(i.path), message };
  });
}

/**
 * Validates documents as one bundle: files may refer to each other, and to what the graph already holds
 * (through `lookup`; without one, every reference must be defined in the documents).
 */
export async function validateBundles(
  docs: BundleDocument[],
  lookup?: ReferenceLookup,
): Promise<ValidationResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const merged = BundleSchema.parse({});
  const origins = new Map<string, EntityOrigin>();
  /** id -> label and place, to refuse one id used for two kinds of thing. */
  const idOwners = new Map<string, { label: NodeLabel; file: string; path: string }>();

  for (const doc of docs) {
    if (doc.data === null || doc.data === undefined) {
      warnings.push({ file: doc.file, path: '', message: 'the file is empty' });
      continue;
    }
    const parsed = BundleSchema.safeParse(doc.data);
    if (!parsed.success) {
      problems.push(...zodProblems(doc.file, parsed.error));
      continue;
    }
    for (const spec of SECTIONS) {
      const entries = parsed.data[spec.section] as { id: string }[];
      const target = merged[spec.section] as { id: string }[];
      entries.forEach((entry, index) => {
        const path = `${spec.section}[${index}]`;
        const hash = contentHash(entry);
        const owner = idOwners.get(entry.id);
        if (owner && owner.label !== spec.label) {
          problems.push({
            file: doc.file,
            path: `${path}.id`,
            message: `id "${entry.id}" is already used by a ${owner.label} (${owner.file}: ${owner.path}); ids are unique across the graph`,
          });
          return;
        }
        const key = `${spec.label}:${entry.id}`;
        const previous = origins.get(key);
        if (previous) {
          if (previous.hash !== hash) {
            problems.push({
              file: doc.file,
              path: `${path}.id`,
              message: `duplicate id "${entry.id}" with different content (first defined in ${previous.file}: ${previous.path})`,
            });
          }
          return;
        }
        idOwners.set(entry.id, { label: spec.label, file: doc.file, path });
        origins.set(key, { file: doc.file, path, hash });
        target.push(entry);
      });
    }
  }

  checkDates(merged, origins, problems);
  await checkReferences(merged, origins, problems, lookup);
  warnUnusedSources(merged, origins, warnings);

  if (problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, value: { bundle: merged, origins, warnings } };
}

function place(
  origins: Map<string, EntityOrigin>,
  label: NodeLabel,
  id: string,
  field: string,
): Omit<Problem, 'message'> {
  const o = origins.get(`${label}:${id}`);
  return { file: o?.file ?? 'input', path: `${o?.path ?? label}${field ? `.${field}` : ''}` };
}

function checkDates(bundle: Bundle, origins: Map<string, EntityOrigin>, problems: Problem[]): void {
  for (const p of bundle.practices) {
    if (p.validFrom && p.validTo && p.validTo <= p.validFrom) {
      problems.push({
        ...place(origins, 'Practice', p.id, 'validTo'),
        message: `validTo ${p.validTo} must be after validFrom ${p.validFrom} (validTo is exclusive)`,
      });
    }
    if (p.replaces === p.id) {
      problems.push({
        ...place(origins, 'Practice', p.id, 'replaces'),
        message: 'a practice cannot replace itself',
      });
    }
    const codes = p.rights.map((r) => r.right);
    const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
    if (repeated) {
      problems.push({
        ...place(origins, 'Practice', p.id, 'rights'),
        message: `the right ${repeated} is listed twice; a practice handles each right once`,
      });
    }
  }
  for (const pr of bundle.provisions) {
    if (pr.partOf === pr.id) {
      problems.push({
        ...place(origins, 'Provision', pr.id, 'partOf'),
        message: 'a provision cannot be part of itself',
      });
    }
  }
}

async function checkReferences(
  bundle: Bundle,
  origins: Map<string, EntityOrigin>,
  problems: Problem[],
  lookup: ReferenceLookup | undefined,
): Promise<void> {
  const defined = new Set<string>();
  for (const spec of SECTIONS) {
    for (const e of bundle[spec.section] as { id: string; code?: string }[]) {
      defined.add(refKey({ label: spec.label, key: 'id', value: e.id }));
      if (e.code !== undefined)
        defined.add(refKey({ label: spec.label, key: 'code', value: e.code }));
    }
  }
  const pending: { ref: ExternalRef; problem: Omit<Problem, 'message'> }[] = [];
  for (const spec of SECTIONS) {
    for (const entry of bundle[spec.section] as { id: string }[]) {
      for (const rel of spec.relations as readonly RelationSpec<typeof entry>[]) {
        for (const r of rel.refs(entry)) {
          const ref: ExternalRef = { label: rel.target, key: rel.targetKey ?? 'id', value: r.to };
          if (!defined.has(refKey(ref)))
            pending.push({ ref, problem: place(origins, spec.label, entry.id, r.path) });
        }
      }
    }
  }
  if (pending.length === 0) return;
  const unique = [...new Map(pending.map((p) => [refKey(p.ref), p.ref])).values()];
  const found = lookup ? await lookup(unique) : new Set<string>();
  for (const { ref, problem } of pending) {
    if (found.has(refKey(ref))) continue;
    const what =
      ref.key === 'code' ? `${ref.label} with code ${ref.value}` : `${ref.label} "${ref.value}"`;
    const hint = suggest(ref, bundle);
    problems.push({
      ...problem,
      message: `unknown ${what}: not in this bundle nor in the graph${hint}`,
    });
  }
}

/** "did you mean" for a near miss among the bundle's own ids of that label. */
function suggest(ref: ExternalRef, bundle: Bundle): string {
  if (ref.key !== 'id') return '';
  const spec = SECTIONS.find((s) => s.label === ref.label);
  if (!spec) return '';
  const ids = (bundle[spec.section] as { id: string }[]).map((e) => e.id);
  const best = ids
    .map((id) => ({ id, d: editDistance(id, ref.value) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(ref.value.length / 5)))
    .sort((a, b) => a.d - b.d)[0];
  return best ? ` (did you mean "${best.id}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function warnUnusedSources(
  bundle: Bundle,
  origins: Map<string, EntityOrigin>,
  warnings: Problem[],
): void {
  const used = new Set<string>();
  for (const spec of SECTIONS) {
    for (const entry of bundle[spec.section] as { sources?: (string | { source: string })[] }[]) {
      for (const s of entry.sources ?? []) used.add(typeof s === 'string' ? s : s.source);
    }
  }
  for (const s of bundle.sources) {
    if (!used.has(s.id))
      warnings.push({
        ...place(origins, 'Source', s.id, ''),
        message: `source "${s.id}" is never cited`,
      });
  }
}
