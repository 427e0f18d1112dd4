/**
 * Answers kept until the graph changes. Some questions cost what the graph holds, not what the
 * page shows: plansDenyingRight's exact total and facets find every denying plan on the date
 * (1,274 rows from 25,259 candidate relationships on the large bench graph, four times as many
 * at xlarge), the findings rules run every rule over every plan (about 0.4 s at large), and a
 * dashboard asks them again and again between two curator writes.
 *
 * Every committed write through Database ends by giving the graph a new version token
 * (`BUMP_GRAPH_VERSION`, in the write's own transaction, so the data and the token commit
 * together). A kept question sends its query wrapped (`keptQuery`): Neo4j reads the token first
 * and runs the question only when it differs from the token of the answer this process kept;
 * otherwise the query reads one node and the kept rows are the answer. Still one query, and the
 * check happens in Neo4j, so a write through another replica or a CLI is seen at once.
 *
 * What a kept answer depends on: the query's text and parameters, and the graph. The key names
 * the first two: a root field's compile key (everything its text and parameters are built from,
 * src/api/translate/compiled-queries.ts), or for the findings rules their name and parameters
 * (their text is built once per process, whatever the values). A query that reads the clock
 * (`date()` with no argument, `datetime()`...) is refused: its answer changes without a write.
 * Reads inside another transaction (a question "as known at" an instant, on a rewound
 * graph) are never kept: that graph is not the one the token versions.
 *
 * Pages of a list whose cost follows the page (an incidents page: its rows, a kept total) are
 * kept too, on a shelf of their own (`'page'`): a reader walking 500 pages pushes out other
 * pages, never an answer that costs seconds to make. What keeping a page saves is Neo4j's
 * work, not the request: the check still reads the version node (bench/README.md).
 *
 * Why not a library: the check has to run inside Neo4j, in the same query; what is kept is
 * bounded by lru-cache.
 */
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors';

/** Run last in every committed write transaction. */
export const BUMP_GRAPH_VERSION = `// graphVersion
MERGE (v:GraphVersion {key: 'graph'}) SET v.token = randomUUID()`;

const MAX_ENTRIES = 500;
/** Characters of kept rows (as JSON), all entries together. */
const MAX_CHARACTERS = 32_000_000;
/**
 * Kept totals, apart from the answers: a total is a number, but every filter a reader tries
 * keeps one, and in one LRU 500 filters pushed out the answers that cost seconds to make (the
 * findings rules').
 */
const MAX_COUNTS = 5_000;
/** Kept pages (the `'page'` shelf), apart from the answers for the same reason as the totals. */
const MAX_PAGES = 2_000;
/** Characters of kept pages (as JSON), all together. */
const MAX_PAGE_CHARACTERS = 16_000_000;

/**
 * Where an answer is kept: `'answer'`, a question whose cost follows the graph (exact totals and
 * facets over every match, the findings rules); `'page'`, one whose cost follows the page.
 */
export type Shelf = 'answer' | 'page';

/** An LRU of kept rows, sized by their characters as JSON. */
const rowsCache = (max: number, maxSize: number) =>
  new LRUCache<string, Kept<Rows>>({
    max,
    maxSize,
    sizeCalculation: (kept, key) => key.length + JSON.stringify(kept.value).length,
  });

/** Calls that read the clock: an answer that uses them changes without a write. */
const CLOCK = /\b(?:date|datetime|localdatetime|localtime|time|timestamp)(?:\.\w+)?\(\s*\)/i;

/** A kept value and the graph version it was made on. */
interface Kept<T> {
  version: string;
  value: T;
}

type Rows = Record<string, unknown>[];

/** A kept count and the graph version it was counted on: `$keptCount` (translate/kept-count.ts). */
export interface KeptCount {
  version: string | null;
  count: number | null;
}

/**
 * `cypher`, run only when the graph's version differs from `$kept.version`. Its rows come back
 * beside `graphVersion` (and, for a query that is not one RETURN, `unkept`), which `answer`
 * drops. A query that finds no row answers one row of nulls instead: callers read `rows[0]?.x`.
 */
export function keptQuery(name: string, cypher: string): string {
  const body = cypher.replace(/^(?:\/\/[^\n]*\n)+/, '');
  if (CLOCK.test(body))
    throw new AppError('INTERNAL_SERVER_ERROR', `"${name}" cannot be kept: it reads the clock`);
  // The UNWIND of an empty list ends the subquery before the question runs: Neo4j pushes a WHERE
  // on the version down below the question's index seeks, and runs them anyway. A question
  // that is not one RETURN of expressions runs in a subquery of its own, applied to the
  // UNWIND's rows (none when the answer is kept), so that no MATCH of it is planned first.
  // The version is sent in a map: Neo4j keys its plans on a parameter's type and length, so a
  // null version (nothing kept yet) and a token would make two plans of one question, and the
  // findings rules take seconds to plan. A map's contents are not part of the key.
  const gated = body.startsWith('RETURN ')
    ? body
    : `WITH unkept\n  CALL (unkept) {\n${body}\n  }\n  RETURN *`;
  return `// ${name} (kept)
OPTIONAL MATCH (keptVersion:GraphVersion {key: 'graph'})
WITH keptVersion.token AS graphVersion
OPTIONAL CALL (graphVersion) {
  UNWIND CASE WHEN graphVersion = $kept.version THEN [] ELSE [true] END AS unkept
  ${gated}
}
RETURN *`;
}

/** The answers one Database keeps, by the key of the question they answer. */
export class KeptAnswers {
  private readonly shelves: Record<Shelf, LRUCache<string, Kept<Rows>>> = {
    answer: rowsCache(MAX_ENTRIES, MAX_CHARACTERS),
    page: rowsCache(MAX_PAGES, MAX_PAGE_CHARACTERS),
  };
  private readonly counts = new LRUCache<string, Kept<unknown>>({
    max: MAX_COUNTS,
  });
  /**
   * Questions answered from a kept answer or total, and run, since the process started
   * (/metrics); pages apart.
   */
  readonly stats = { kept: 0, ran: 0 };
  /** Pages answered from a kept page, and run, since the process started (/metrics). */
  readonly pageStats = { kept: 0, ran: 0 };

  /** How many answers and totals are kept now (pages apart: `pages`). */
  get size(): number {
    return this.shelves.answer.size + this.counts.size;
  }

  /** How many pages are kept now. */
  get pages(): number {
    return this.shelves.page.size;
  }

  /** The version of the answer kept for `key` on `shelf`, or null. */
  versionOf(key: string, shelf: Shelf = 'answer'): string | null {
    return this.shelves[shelf].get(key)?.version ?? null;
  }

  /** The count kept for `key` and its version (keptCountGate's parameter), or nulls. */
  countOf(key: string): KeptCount {
    const kept = this.counts.get(key);
    return {
      version: kept?.version ?? null,
      count: (kept?.value as number | undefined) ?? null,
    };
  }

  /**
   * The count a gated query answered (`[version, count]`, see src/api/translate/kept-count.ts),
   * as `answer` reads a kept question's rows: the kept count when Neo4j did not count (the
   * version is the kept one's), else the new count, kept under the version read.
   */
  counted(key: string, [version, count]: [unknown, unknown]): unknown {
    return this.keptOrNew(this.counts, this.stats, key, version, () => count);
  }

  /**
   * The rows of a kept query's answer: the kept ones when Neo4j did not run the question (the
   * graph's version is the kept answer's), else the new ones, kept under the version read.
   */
  answer(key: string, rows: Rows, shelf: Shelf = 'answer'): Rows {
    const stats = shelf === 'page' ? this.pageStats : this.stats;
    return this.keptOrNew(this.shelves[shelf], stats, key, rows[0]?.graphVersion, () =>
      rows.map(({ graphVersion: _, unkept: __, ...row }) => row),
    );
  }

  /** What `cache` kept for `key` when `version` is its version, else `fresh()`, kept under it. */
  private keptOrNew<T>(
    cache: LRUCache<string, Kept<T>>,
    stats: { kept: number; ran: number },
    key: string,
    version: unknown,
    fresh: () => T,
  ): T {
    const kept = cache.get(key);
    if (kept && typeof version === 'string' && version === kept.version) {
      stats.kept++;
      return kept.value;
    }
    stats.ran++;
    const value = fresh();
    // No version node (a graph emptied by hand, before its next write): nothing to key on.
    if (typeof version === 'string') cache.set(key, { version, value });
    return value;
  }
}
