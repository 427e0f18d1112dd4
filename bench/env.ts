/**
 * What every bench command shares: the sizes, the bench's own Neo4j (port 7720, data under
 * /tmp/bench-neo4j/<size>, away from the 7687-7700 instances of tests and other work), and
 * a Database on it with the project's own driver settings.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { applyMigrations, Database, type DatabaseSettings } from '../src/db';
import {
  type LocalNeo4jHandle,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../src/devtools/local-neo4j';

/** Compiled to dist/bench/bench/. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
/**
 * Where outputs go: bench/results/v2 for the second model (the files directly in bench/results
 * were measured on the first model and are kept as they were).
 */
export const RESULTS_DIR =
  process.env.BENCH_RESULTS_DIR ?? path.join(PROJECT_ROOT, 'bench', 'results', 'v2');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
/** Where tools/neo4j-launcher is built (the real tree, when running on a snapshot). */
const LAUNCHER_ROOT = process.env.BENCH_LAUNCHER_ROOT ?? PROJECT_ROOT;

export const BENCH_PORT = Number(process.env.BENCH_NEO4J_PORT ?? 7720);
export const BENCH_ROOT = process.env.BENCH_NEO4J_ROOT ?? '/tmp/bench-neo4j';

/**
 * Scale 1 is the issue's large graph: 10,000 companies, 40,000 plans, 200,000 practices;
 * xlarge is four times that (issue 20: cost should follow the page, not the graph).
 */
export const SIZES = { small: 0.01, medium: 0.1, large: 1, xlarge: 4 } as const;
export type SizeName = keyof typeof SIZES;

export function isSizeName(s: string): s is SizeName {
  return s in SIZES;
}

export function dataDirFor(size: string): string {
  return path.join(BENCH_ROOT, size, 'data');
}

export interface Neo4jSizing {
  heap: string;
  pagecache: string;
}

/** Heap and page cache by size, overridable with NEO4J_LOCAL_HEAP / BENCH_PAGECACHE. */
export function sizingFor(scale: number): Neo4jSizing {
  return {
    heap: process.env.NEO4J_LOCAL_HEAP ?? (scale >= 2 ? '6g' : scale >= 0.5 ? '4g' : '2g'),
    pagecache: process.env.BENCH_PAGECACHE ?? (scale >= 2 ? '10g' : scale >= 0.5 ? '4g' : '1g'),
  };
}

export async function startBenchNeo4j(
  size: string,
  sizing: Neo4jSizing,
  options: { fresh?: boolean; log?: (line: string) => void } = {},
): Promise<LocalNeo4jHandle> {
  const dataDir = dataDirFor(size);
  if (options.fresh) {
    await stopLocalNeo4j({ dataDir });
    rmSync(dataDir, { recursive: true, force: true });
  }
  const handle = await startLocalNeo4j(
    {
      port: BENCH_PORT,
      dataDir,
      heap: sizing.heap,
      pagecache: sizing.pagecache,
      projectRoot: LAUNCHER_ROOT,
    },
    options.log,
  );
  // A graph generated before the newest migrations is measured with the schema the API would
  // give it at start (its readiness check applies them too): indexes the Cypher relies on.
  const db = benchDatabase(handle.uri);
  try {
    const report = await applyMigrations(db);
    if (report.applied.length > 0) options.log?.(`applied migrations ${report.applied.join(', ')}`);
  } finally {
    await db.close();
  }
  return handle;
}

export function benchDbSettings(uri: string): DatabaseSettings {
  return {
    uri,
    user: 'neo4j',
    password: 'password',
    // Loads and the slowest targets can take seconds per query; the API's own default is 1.5 s.
    timeoutMs: Number(process.env.BENCH_DB_TIMEOUT_MS ?? 60_000),
  };
}

export function benchDatabase(uri: string): Database {
  return new Database(benchDbSettings(uri));
}

/** Reads `--name value` and `--flag` arguments. */
/** The command line as typed, arguments with spaces quoted (for the results' record). */
export function commandLine(script: string, argv: string[]): string {
  return `npm run -s ${script} -- ${argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`.trim();
}

export function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags.set(name, argv[++i]!);
    else flags.set(name, 'true');
  }
  return flags;
}

export const log = (line: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** Writes a result file into bench/results, formatted as `npm run format:check` expects. */
export async function writeResult(name: string, text: string): Promise<string> {
  const file = path.join(RESULTS_DIR, name);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const formatted = /\.(json|md)$/.test(name)
    ? await format(text, { ...(await resolveConfig(file)), filepath: file })
    : text;
  writeFileSync(file, formatted);
  return formatted;
}
