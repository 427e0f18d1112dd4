/**
 * The field-level diff of a proposal against the graph. Each proposed entity is read the way
 * ingestion stores it (src/graph/bundle-to-graph.ts: the node's properties and the relations it
 * owns) and compared with what the graph stores now, so that the diff shows exactly what a
 * write would change. Whether an entity changes at all is ingestion's own test: its content
 * hash.
 */
import { createHash } from 'node:crypto';
import { type Bundle, type DatePrecision, type NodeLabel, partialOf, SECTIONS } from '../../graph';
import type { ReferenceSpec } from '../../graph/bundle-to-graph';
import { contentHash } from '../../graph/validate';
import type { EntityDiff } from './entity-diff.type';
import type { FieldDiff } from './field-diff.type';
import type { BaselineEntry, CurrentEntity } from './proposals.store';

type AnySpec = (typeof SECTIONS)[number];
type Entry = { id: string } & Record<string, unknown>;

/** One entity of a proposal, with the section that stores it. */
export interface ProposedEntity {
  label: NodeLabel;
  id: string;
  hash: string;
  spec: AnySpec;
  entry: Entry;
}

/** The entities of a parsed bundle, once each (a bundle may repeat an equal entry). */
export function proposedEntities(bundle: Bundle): ProposedEntity[] {
  const seen = new Set<string>();
  const out: ProposedEntity[] = [];
  for (const spec of SECTIONS) {
    for (const entry of bundle[spec.section] as Entry[]) {
      const key = `${spec.label}:${entry.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        label: spec.label,
        id: entry.id,
        hash: contentHash(entry),
        spec,
        entry,
      });
    }
  }
  return out;
}

/**
 * A fingerprint of the graph's state of a proposal's entities: approving a stale proposal
 * names the one its curator reviewed, so that a change after the review is not let through.
 */
export function graphStateOf(states: readonly { id: string; state: string }[]): string {
  const text = JSON.stringify(states.map((s) => [s.id, s.state]));
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Keys sorted at every level: equal values, equal text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value ?? null;
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(canonical(value));

/** Properties without their null values: ingestion removes a property it sets to null. */
function present(props: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props ?? {}).filter(([, v]) => v !== null && v !== undefined),
  );
}

/**
 * The stored properties a partial date becomes (validFrom, validFromPrecision, validFromLatest)
 * read back as the one field it was written as ("2025-02").
 */
function partialDateKeys(props: Record<string, unknown>): Set<string> {
  return new Set(
    Object.keys(props).filter((k) => `${k}Precision` in props && `${k}Latest` in props),
  );
}

function propertyFields(
  props: Record<string, unknown>,
  dates: Set<string>,
  source: Record<string, unknown>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of Object.keys(props)) {
    const base = key.replace(/(Precision|Latest)$/, '');
    if (base !== key && dates.has(base)) continue;
    const value = source[key] ?? null;
    const precision = source[`${key}Precision`];
    out.set(
      key,
      // A date reads as its first day, YYYY-MM-DD: a string on both sides (db/values.ts).
      dates.has(key) && typeof value === 'string' && typeof precision === 'string'
        ? partialOf(value, precision as DatePrecision)
        : value,
    );
  }
  return out;
}

type Relation = ReferenceSpec<Entry> & { type: string };

/** The relations an entity owns (those ingestion writes), except one a property repeats. */
function relationsOf(spec: AnySpec, props: Record<string, unknown>): Relation[] {
  return (spec.references as readonly ReferenceSpec<Entry>[]).filter(
    (r): r is Relation => r.type !== undefined && !(r.field in props),
  );
}

/**
 * A relation's value: the targets' ids (codes for rights), sorted, each with the relation's
 * properties where it carries some (evidence, how a right is handled); one id, or null, where
 * the entry names one target (purpose, product...).
 */
function relationValue(
  targets: Map<string, Record<string, unknown>>,
  withProps: boolean,
  single: boolean,
): unknown {
  const list = [...targets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([to, props]) => (withProps ? { to, ...present(props) } : to));
  return single ? (list[0] ?? null) : list;
}

function proposedRelation(rel: Relation, entry: Entry): Map<string, Record<string, unknown>> {
  // Ingestion merges one relationship per target, later properties over earlier ones.
  const targets = new Map<string, Record<string, unknown>>();
  for (const ref of rel.refs(entry))
    targets.set(ref.to, { ...(targets.get(ref.to) ?? {}), ...(ref.props ?? {}) });
  return targets;
}

function currentRelation(
  rel: Relation,
  current: CurrentEntity,
): Map<string, Record<string, unknown>> {
  const targets = new Map<string, Record<string, unknown>>();
  for (const r of current.relations) {
    if (
      r.type !== rel.type ||
      !r.labels.some((l) => (rel.targets as readonly string[]).includes(l))
    )
      continue;
    const to = rel.targetKey === 'code' ? r.code : r.id;
    if (to !== null) targets.set(to, r.props);
  }
  return targets;
}

/** What approving would do to one entity, field by field, against the graph now. */
export function diffEntity(
  proposed: ProposedEntity,
  current: CurrentEntity | undefined,
  baseline: BaselineEntry | undefined,
): EntityDiff {
  const { spec, entry } = proposed;
  const props = spec.props(entry as never);
  const dates = partialDateKeys(props);
  const mine = propertyFields(props, dates, props);
  const theirs = current ? propertyFields(props, dates, current.props) : new Map<string, unknown>();
  for (const rel of relationsOf(spec, props)) {
    const ours = proposedRelation(rel, entry);
    const now = current
      ? currentRelation(rel, current)
      : new Map<string, Record<string, unknown>>();
    const withProps = [...ours.values(), ...now.values()].some(
      (p) => Object.keys(present(p)).length > 0,
    );
    const single = !Array.isArray(entry[rel.field]);
    mine.set(rel.field, relationValue(ours, withProps, single));
    if (current) theirs.set(rel.field, relationValue(now, withProps, single));
  }

  const changedSinceProposed = (current?.state ?? '') !== (baseline?.state ?? '');
  const base = { label: proposed.label, id: proposed.id, changedSinceProposed };
  if (!current) {
    const fields: FieldDiff[] = [...mine]
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([field, v]) => ({ field, current: null, proposed: text(v) }));
    return { ...base, change: 'CREATED', fields };
  }
  if (current.hash === proposed.hash) return { ...base, change: 'UNCHANGED', fields: [] };
  const fields: FieldDiff[] = [];
  for (const [field, v] of mine) {
    const was = text(theirs.get(field));
    const will = text(v);
    if (was !== will) fields.push({ field, current: was, proposed: will });
  }
  return { ...base, change: 'UPDATED', fields };
}
