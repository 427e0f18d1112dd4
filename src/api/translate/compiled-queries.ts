/**
 * Compiled root queries, kept for a selection asked again with the same inputs. Compiling a
 * selection (the selection tree, the projections, cypher-builder's build) cost the API process
 * 0.4 to 0.6 ms of CPU on a 2 ms incidents page, more than R's whole request (bench/README.md);
 * a dashboard asks the same questions over and over.
 *
 * What a compile reads, and so what the key holds:
 * - the selection: the field's nodes in the parsed document, its fragments and the variables
 *   (arguments of nested fields, @skip and @include). Apollo keeps parsed documents by their
 *   text, so the same query text gives the same nodes; a document parsed again gives new nodes
 *   and a new entry, never a stale one;
 * - the root resolver's inputs (`inputs`): everything its `match` and options are built from,
 *   which the resolver spells out (defaults resolved: a default date is today's, not "none").
 * A compile reads nothing else: CompileContext holds the schema and the bindings only, and no
 * compiler reads the caller, the clock or the database. The kept query's parameters are the
 * values those same inputs give.
 *
 * lru-cache bounds the entries, by number and by the length of their Cypher (a dashboard's is
 * tens of kilobytes); the key holds numbers for the nodes, not the nodes, so a document Apollo
 * drops can be collected.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { NamedQuery } from './root-query';

const MAX_ENTRIES = 2000;
/** Characters of Cypher and keys kept, all entries together (about 32 MB of strings). */
const MAX_CHARACTERS = 16_000_000;

interface Compiled {
  query: NamedQuery;
  /**
   * What the compile was kept under: it names everything the query's text and parameters are
   * built from, so the answer can be kept under it too (Database.readValuesKept). None when the
   * compile is not kept.
   */
  key?: string;
}

/**
 * What a root resolver's query is built from besides the selection, when it lets the compile be
 * reused: every value its `match` and options read, defaults resolved. Without `inputs` the
 * query is compiled for each request.
 */
export interface Reuse {
  inputs?: unknown;
}

const cache = new LRUCache<string, Compiled>({
  max: MAX_ENTRIES,
  maxSize: MAX_CHARACTERS,
  sizeCalculation: (compiled, key) => compiled.query.cypher.length + key.length,
});
const ids = new WeakMap<object, number>();
let nextId = 0;

function idOf(node: object): number {
  let id = ids.get(node);
  if (id === undefined) {
    id = ++nextId;
    ids.set(node, id);
  }
  return id;
}

/**
 * Reuses the compile of the same selection and inputs, or compiles and keeps it; compiles each
 * time when `reuse` names no inputs.
 */
export function compiledOnce<T extends Compiled>(
  info: GraphQLResolveInfo,
  name: string,
  reuse: Reuse,
  compile: () => T,
): T & Pick<Compiled, 'key'> {
  if (!('inputs' in reuse)) return compile();
  const nodes = info.fieldNodes.map(idOf).join(',');
  const key = `${name}|${idOf(info.operation)}|${nodes}|${JSON.stringify(info.variableValues)}|${JSON.stringify(reuse.inputs)}`;
  const kept = cache.get(key) as T | undefined;
  if (kept) {
    stats.reused++;
    return kept;
  }
  const compiled = { ...compile(), key };
  stats.compiled++;
  cache.set(key, compiled);
  return compiled;
}

/**
 * Reuses a compile that reads no selection, only `key` (which names everything it is built from):
 * a fixed selection's (fixed-selection.ts), shared by every selection compiled as it. Not in
 * `stats`: the selection's own compile (compiledOnce) is counted.
 */
export function compiledFor<T extends Compiled>(key: string, compile: () => T): T {
  let compiled = cache.get(key) as T | undefined;
  if (!compiled) {
    compiled = compile();
    cache.set(key, compiled);
  }
  return compiled;
}

/** How many compiles were made and reused since the process started (read by the tests). */
export const stats = { compiled: 0, reused: 0 };
