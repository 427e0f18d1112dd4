/**
 * Ingestion: validate every document, then write the bundle idempotently by id.
 * One implementation serves `npm run seed` and the curators' mutations.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Database, Row } from '../db';
import { AppError, ValidationError, type Problem } from '../errors';
import type { NodeLabel } from './model';
import { OWNED_RELATIONSHIP_TYPES, type ReferenceSpec, SECTIONS } from './bundle-to-graph';
import {
  closeReplacedPracticesCypher,
  datedSources,
  dependentsCypher,
  deriveCypher,
  deriveParams,
  existingReferences,
  mergeNodesCypher,
  mergeRelationshipsCypher,
  historyViolationsCypher,
  openRivalsCypher,
  idsTakenByOtherLabels,
  nearReferences,
  provisionsAround,
  readerOf,
  recordAuditCypher,
  type StatementRunner,
  transactionRunner,
  writerOf,
} from './ingest.store';
import {
  type BundleDocument,
  canonicalJson,
  contentHash,
  forkMessage,
  type ValidatedBundle,
  validateBundles,
} from './validate';

export interface LabelCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface IngestReport {
  dryRun: boolean;
  counts: Partial<Record<NodeLabel, LabelCounts>>;
  relationshipsWritten: number;
  warnings: Problem[];
  /** Ids of the entities that were created or updated. */
  changedIds: string[];
  /** The same ids, per label. */
  changed: Partial<Record<NodeLabel, string[]>>;
  /** The ids that were new, per label. */
  created: Partial<Record<NodeLabel, string[]>>;
  /** The audit entry written with the change, when one was asked for. */
  auditId?: string;
}

/** Who wrote a bundle, recorded in the same transaction as the write. */
export interface AuditRecord {
  keyId: string | null;
  operation: string;
  /** Where the content came from: a file, an input's sources. */
  source: string;
}

export interface IngestProgress {
  label: NodeLabel;
  phase: 'nodes' | 'relationships';
  done: number;
  total: number;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /**
   * Write in one transaction per batch instead of one for the whole bundle: for bulk loads
   * larger than a transaction's memory allows (the CLI's --batched). Not all or nothing: an
   * interrupted load leaves what its finished batches wrote, and running it again completes it.
   * Every write through the API is one transaction.
   */
  batched?: boolean;
  /**
   * Practices that must end up the only one in force on their plans, purpose and scope: a
   * write that finds another fails with a CONFLICT (a concurrent write got there first).
   */
  exclusive?: string[];
  onProgress?: (p: IngestProgress) => void;
  /** Records who wrote it (AuditEntry), in the same transaction. */
  audit?: AuditRecord;
  /** The time recorded on created and updated entities; now by default. */
  now?: Date;
  /**
   * Statements of the caller's run in the write's own transaction, before and after it: a
   * check that aborts the write by throwing, and what must commit with it (a proposal's
   * approval, src/api/proposals). Not with `batched`, which has no one transaction.
   */
  inTransaction?: TransactionHooks;
}

/** See IngestOptions.inTransaction. The runner returns the driver's values, unconverted. */
export interface TransactionHooks {
  before?(run: StatementRunner): Promise<void>;
  after?(run: StatementRunner, report: IngestReport): Promise<void>;
}

/**
 * Validates against the graph: references may name what the graph already holds. `now` is
 * the write's time (no source is published after its day).
 */
export async function validateAgainstGraph(
  db: Database,
  docs: BundleDocument[],
  now?: Date,
): Promise<ValidatedBundle> {
  const run = readerOf(db);
  const result = await validateBundles(docs, {
    now,
    lookup: (refs) => existingReferences(run, refs),
    suggestions: (refs) => nearReferences(run, refs),
    provisions: (asked) => provisionsAround(run, asked),
    datedSources: (ids) => datedSources(run, ids),
  });
  if (!result.ok) throw new ValidationError(result.problems);
  const entries = SECTIONS.flatMap((spec) =>
    (result.value.bundle[spec.section] as { id: string }[]).map((e) => ({
      id: e.id,
      label: spec.label,
    })),
  );
  const taken = await idsTakenByOtherLabels(run, entries);
  if (taken.length > 0)
    throw new ValidationError(
      taken.map((t) => {
        const origin = result.value.origins.get(`${t.label}:${t.id}`);
        return {
          file: origin?.file ?? 'input',
          path: `${origin?.path ?? t.label}.id`,
          message: `id "${t.id}" is already used by a ${t.existing} in the graph; ids are unique across the graph`,
        };
      }),
    );
  return result.value;
}

/** Validates, then (unless dry-run) writes. Throws ValidationError listing every problem; then nothing is written. */
export async function ingest(
  db: Database,
  docs: BundleDocument[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const validated = await validateAgainstGraph(db, docs, options.now);
  if (options.dryRun) {
    const counts: IngestReport['counts'] = {};
    for (const spec of SECTIONS) {
      const n = validated.bundle[spec.section].length;
      if (n > 0) counts[spec.label] = { created: 0, updated: 0, unchanged: 0 };
    }
    // A dry run reports what would change by comparing content hashes with the graph.
    await compareWithGraph(db, validated, counts);
    return {
      dryRun: true,
      counts,
      relationshipsWritten: 0,
      warnings: validated.warnings,
      changedIds: [],
      changed: {},
      created: {},
    };
  }
  return writeBundle(db, validated, options);
}

/** A large bundle may take a while on a busy server. */
const INGEST_TIMEOUT_MS = 300_000;

export interface NodeRow {
  id: string;
  hash: string;
  /** The entry as written (canonical JSON): what a version keeps when it is replaced. */
  entry: string;
  props: Record<string, unknown>;
}

function nodeRows(
  validated: ValidatedBundle,
): Map<NodeLabel, { rows: NodeRow[]; entries: { id: string }[] }> {
  const out = new Map<NodeLabel, { rows: NodeRow[]; entries: { id: string }[] }>();
  for (const spec of SECTIONS) {
    const entries = validated.bundle[spec.section] as { id: string }[];
    if (entries.length === 0) continue;
    out.set(spec.label, { rows: entries.map((entry) => nodeRow(spec, entry)), entries });
  }
  return out;
}

/** The node an entry of a section becomes: its properties (dates as Neo4j dates) and hash. */
export function nodeRow(spec: (typeof SECTIONS)[number], entry: { id: string }): NodeRow {
  const props = (spec.props as (e: unknown) => Record<string, unknown>)(entry);
  for (const key of spec.dates) {
    const v = props[key];
    if (typeof v === 'string') props[key] = toNeo4jDate(v);
    else if (Array.isArray(v)) props[key] = (v as string[]).map(toNeo4jDate);
  }
  return { id: entry.id, hash: contentHash(entry), entry: canonicalJson(entry), props };
}

/** One relationship to write: from an entry's id to a target's id (or a right's code). */
export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** The relationships a section's entries own, each kind with the statement that writes it. */
export function relationshipWrites(
  spec: (typeof SECTIONS)[number],
  entries: readonly { id: string }[],
): { field: string; cypher: string; rels: RelationshipRow[] }[] {
  return relationshipRows(spec, entries).map(({ rel, type, rels }) => ({
    field: rel.field,
    cypher: mergeRelationshipsCypher(
      spec.label,
      type,
      rel.targets,
      rel.targetKey ?? 'id',
      rel.identity,
    ),
    rels,
  }));
}

/** The relationships a section's entries own, by reference, as the write sends them. */
function relationshipRows(
  spec: (typeof SECTIONS)[number],
  entries: readonly { id: string }[],
): { rel: ReferenceSpec<{ id: string }>; type: string; rels: RelationshipRow[] }[] {
  const out: { rel: ReferenceSpec<{ id: string }>; type: string; rels: RelationshipRow[] }[] = [];
  for (const rel of spec.references as readonly ReferenceSpec<{ id: string }>[]) {
    if (!rel.type) continue;
    const rels = entries.flatMap((e) =>
      rel.refs(e).map((r) => ({ from: e.id, to: r.to, props: r.props ?? {} })),
    );
    if (rels.length > 0) out.push({ rel, type: rel.type, rels });
  }
  return out;
}

/**
 * Every row a first write of this bundle sends, nodes by label and relationships by reference:
 * what bench/ingest.ts writes with a bare UNWIND ... MERGE to compare ingestion against.
 */
export function bundleRows(validated: ValidatedBundle): {
  nodes: { label: NodeLabel; rows: NodeRow[] }[];
  relationships: {
    label: NodeLabel;
    type: string;
    targets: readonly NodeLabel[];
    targetKey: 'id' | 'code';
    rels: RelationshipRow[];
  }[];
} {
  const labels = nodeRows(validated);
  return {
    nodes: [...labels].map(([label, { rows }]) => ({ label, rows })),
    relationships: SECTIONS.flatMap((spec) =>
      relationshipRows(spec, labels.get(spec.label)?.entries ?? []).map(({ rel, type, rels }) => ({
        label: spec.label,
        type,
        targets: rel.targets,
        targetKey: rel.targetKey ?? 'id',
        rels,
      })),
    ),
  };
}

async function compareWithGraph(
  db: Database,
  validated: ValidatedBundle,
  counts: IngestReport['counts'],
): Promise<void> {
  for (const [label, { rows }] of nodeRows(validated)) {
    const found = await db.read(
      `compareHashes ${label}`,
      `UNWIND $rows AS row OPTIONAL MATCH (n:${label} {id: row.id})
       RETURN CASE WHEN n IS NULL THEN 'created' WHEN n.contentHash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome, count(*) AS n`,
      { rows: rows.map((r) => ({ id: r.id, hash: r.hash })) },
    );
    const c = counts[label] ?? { created: 0, updated: 0, unchanged: 0 };
    for (const r of found) c[r.outcome as keyof LabelCounts] += Number(r.n);
    counts[label] = c;
  }
}

async function writeBundle(
  db: Database,
  validated: ValidatedBundle,
  options: IngestOptions,
): Promise<IngestReport> {
  const batchSize = options.batchSize ?? 2000;
  const labels = nodeRows(validated);
  const now = (options.now ?? new Date()).toISOString();

  const write = async (run: StatementRunner): Promise<IngestReport> => {
    // Known before the first statement: versions name the write that replaced them.
    const auditId = options.audit ? randomUUID() : null;
    const report: IngestReport = {
      dryRun: false,
      counts: {},
      relationshipsWritten: 0,
      warnings: validated.warnings,
      changedIds: [],
      changed: {},
      created: {},
    };
    const changed = new Map<NodeLabel, Set<string>>();
    for (const [label, { rows }] of labels) {
      const counts: LabelCounts = { created: 0, updated: 0, unchanged: 0 };
      const changedHere = new Set<string>();
      for (let i = 0; i < rows.length; i += batchSize) {
        const result = await run(`mergeNodes ${label}`, mergeNodesCypher(label), {
          rows: rows.slice(i, i + batchSize),
          now,
          auditId,
          owned: OWNED_RELATIONSHIP_TYPES,
        });
        for (const r of result) {
          const ids = r.ids as string[];
          counts[r.outcome as keyof LabelCounts] += ids.length;
          if (r.outcome !== 'unchanged') ids.forEach((id) => changedHere.add(id));
          if (r.outcome === 'created') (report.created[label] ??= []).push(...ids);
        }
        options.onProgress?.({
          label,
          phase: 'nodes',
          done: Math.min(i + batchSize, rows.length),
          total: rows.length,
        });
      }
      report.counts[label] = counts;
      changed.set(label, changedHere);
      // A loop, not push(...ids): spreading 100,000+ ids overflows the call stack.
      for (const id of changedHere) report.changedIds.push(id);
      if (changedHere.size > 0) report.changed[label] = [...changedHere];
    }
    for (const spec of SECTIONS) {
      const changedHere = changed.get(spec.label);
      const entries = labels.get(spec.label)?.entries;
      if (!changedHere || changedHere.size === 0 || !entries) continue;
      const changedEntries = entries.filter((e) => changedHere.has(e.id));
      for (const { field, cypher, rels } of relationshipWrites(spec, changedEntries)) {
        for (let i = 0; i < rels.length; i += batchSize) {
          const result = await run(`mergeRelationships ${spec.label}.${field}`, cypher, {
            rels: rels.slice(i, i + batchSize),
          });
          report.relationshipsWritten += Number(result[0]?.written ?? 0);
        }
      }
      options.onProgress?.({
        label: spec.label,
        phase: 'relationships',
        done: changedEntries.length,
        total: changedEntries.length,
      });
    }
    // Derived values: replaced practices are closed, then every node whose derived values
    // read a changed node is derived again (a source's date moves the practices it attests).
    const derive = new Set<string>();
    for (const label of ['Provision', 'Plan', 'Practice', 'Incident'] as const)
      for (const id of changed.get(label) ?? []) derive.add(id);
    const practices = [...(changed.get('Practice') ?? [])];
    const inBundle = new Set(validated.bundle.practices.map((p) => p.id));
    for (let i = 0; i < practices.length; i += batchSize) {
      const rows = await run('closeReplacedPractices', closeReplacedPracticesCypher, {
        ids: practices.slice(i, i + batchSize),
      });
      for (const id of (rows[0]?.closed as string[] | undefined) ?? []) derive.add(id);
    }
    const upstream = [...(changed.get('Regulation') ?? []), ...(changed.get('Source') ?? [])];
    for (let i = 0; i < upstream.length; i += batchSize) {
      const rows = await run('dependents', dependentsCypher, {
        ids: upstream.slice(i, i + batchSize),
      });
      for (const id of (rows[0]?.ids as string[] | undefined) ?? []) derive.add(id);
    }
    const toDerive = [...derive];
    for (let i = 0; i < toDerive.length; i += batchSize) {
      await run('derive', deriveCypher, deriveParams(toDerive.slice(i, i + batchSize)));
    }
    // History stays one line per plan, region and data: no two successors of a practice cover
    // the same plan in overlapping scopes for common data categories, and a successor starts after its predecessor started and
    // not before it ended. Concurrent writes replacing the same practice lock it in turn (a
    // relationship locks both its nodes), so the later one sees the earlier one here and fails.
    for (let i = 0; i < practices.length; i += batchSize) {
      const rows = await run('historyViolations', historyViolationsCypher, {
        ids: practices.slice(i, i + batchSize),
      });
      if (rows.length > 0) throw historyError(rows, inBundle);
    }
    if (options.exclusive?.length) {
      const rows = (await run('openRivals', openRivalsCypher, {
        ids: options.exclusive,
      })) as unknown as { practice: string; rivals: string[] }[];
      if (rows.length > 0)
        throw new AppError(
          'CONFLICT',
          rows
            .map(
              (r) =>
                `practice "${r.practice}" would be in force beside ${r.rivals.map((x) => `"${x}"`).join(', ')} on the same plans, purpose and scope: another write recorded it meanwhile; record the change again against the current practice`,
            )
            .join('; '),
          { conflict: 'history', practices: rows.map((r) => r.practice) },
        );
    }
    if (options.audit) {
      const rows = await run('recordAudit', recordAuditCypher, {
        id: auditId,
        now,
        keyId: options.audit.keyId,
        operation: options.audit.operation,
        source: options.audit.source,
        counts: JSON.stringify(report.counts),
        changedIds: report.changedIds.slice(0, 1000),
      });
      report.auditId = rows[0]?.id as string;
    }
    return report;
  };

  if (!options.batched) {
    return db.writeTransaction(
      'ingestBundle',
      async (tx) => {
        const run = transactionRunner(tx);
        await options.inTransaction?.before?.(run);
        const report = await write(run);
        await options.inTransaction?.after?.(run, report);
        return report;
      },
      INGEST_TIMEOUT_MS,
    );
  }
  if (options.inTransaction)
    throw new AppError('INTERNAL_SERVER_ERROR', 'a batched write has no one transaction to join');
  return write(writerOf(db));
}

/** A row of historyViolationsCypher. */
interface HistoryViolation {
  problem: 'FORK' | 'STARTS_BEFORE' | 'OVERLAPS';
  old: string;
  successor: string;
  /** Other successors of `old` on a common plan, region and data (FORK). */
  twins: string[];
  from: string | null;
  oldFrom: string | null;
  oldTo: string | null;
}

/**
 * A history that would fork or go backwards. Two successors the bundle itself gives, and dates
 * that do not follow, are the input's mistake; a successor already in the graph (often a
 * concurrent write that got there first) is a CONFLICT: record the change against it.
 */
function historyError(violations: Row[], inBundle: Set<string>): AppError {
  const rows = violations as unknown as HistoryViolation[];
  const quoted = (ids: Iterable<string>) => [...new Set(ids)].map((id) => `"${id}"`).join(', ');
  const forks = rows.filter((r) => r.problem === 'FORK');
  const external = forks.filter((r) => [r.successor, ...r.twins].some((id) => !inBundle.has(id)));
  if (external.length > 0)
    return new AppError(
      'CONFLICT',
      `practice ${quoted(external.map((r) => r.old))} already has a successor for the same plan, region and data (${quoted(external.flatMap((r) => r.twins.filter((id) => !inBundle.has(id))))}): record the change against the current practice`,
      { conflict: 'history', practices: [...new Set(external.map((r) => r.old))] },
    );
  if (forks.length > 0)
    return new ValidationError(
      forks
        .filter((r) => r.successor < r.twins[0]!)
        .map((r) => ({
          path: `practices.${r.successor}.replaces`,
          message: forkMessage([r.successor, ...r.twins], r.old),
        })),
    );
  return new ValidationError(
    rows.map((r) => ({
      path: `practices.${r.successor}.validFrom`,
      message:
        r.problem === 'STARTS_BEFORE'
          ? `"${r.successor}" starts ${r.from}, not after "${r.old}" started (${r.oldFrom}): a successor starts later`
          : `"${r.successor}" starts ${r.from}, before "${r.old}" ended (${r.oldTo})`,
    })),
  );
}

function toNeo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}
