/**
 * The exports' memory and time by graph size: for each size, the API as a real process
 * (`node dist/cli/start.js`, or another build's with --api) on the bench's Neo4j for that size
 * (loaded by `npm run bench:generate -- --size <size>`), then GET /export/graph.jsonld and GET
 * /export/rights-matrix.csv?asOf=2025-06-01, one after the other, each read to its end by a
 * client that counts bytes. The API's resident memory is sampled from /proc every 20 ms: its
 * peak during each export is reported beside its resident memory before the exports.
 *   npm run -s bench:exports -- [--sizes small,large] [--exports jsonld,csv] [--api path/to/start.js]
 *     [--parallel N] [--label name]
 * With --parallel N, each export is asked N times at once: every download's status, bytes and
 * time, whether all were answered in full, and the API's peak memory while they ran.
 * The report goes to stdout and to bench/results/v2/exports-<label>.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  commandLine,
  isSizeName,
  log,
  parseFlags,
  PROJECT_ROOT,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { startApiProcess, stopChild } from './processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process's resident memory now, in MiB (VmRSS of /proc/<pid>/status). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

interface ExportRun {
  path: string;
  status: number;
  bytes: number;
  seconds: number;
  /** Seconds until the first byte of the body arrived. */
  firstByteSeconds: number | null;
  apiRssBeforeMiB: number;
  apiPeakRssMiB: number;
  error?: string;
}

/** Samples the process's resident memory every 20 ms until `stop`, which returns the peak. */
function rssSampler(pid: number): { before: number; stop(): number } {
  const before = rssMiB(pid);
  let peak = before;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // The process ended: the export reports the failure.
    }
  }, 20);
  return {
    before,
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

type Download = Pick<ExportRun, 'status' | 'bytes' | 'seconds' | 'firstByteSeconds' | 'error'>;

/** One GET, its body read to the end by a client that only counts bytes. */
async function download(origin: string, exportPath: string): Promise<Download> {
  const started = performance.now();
  let firstByte: number | null = null;
  let bytes = 0;
  let status = 0;
  let error: string | undefined;
  try {
    const res = await fetch(`${origin}${exportPath}`, { signal: AbortSignal.timeout(3_600_000) });
    status = res.status;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      firstByte ??= performance.now();
      bytes += chunk.length;
    }
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return {
    status,
    bytes,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    firstByteSeconds: firstByte === null ? null : Math.round((firstByte - started) / 10) / 100,
    ...(error ? { error } : {}),
  };
}

/** One export, read to its end, with the API's resident memory sampled meanwhile. */
async function runExport(origin: string, pid: number, exportPath: string): Promise<ExportRun> {
  const rss = rssSampler(pid);
  const run = await download(origin, exportPath);
  return { path: exportPath, ...run, apiRssBeforeMiB: rss.before, apiPeakRssMiB: rss.stop() };
}

interface ParallelRun {
  path: string;
  parallel: number;
  /** Every download's status, bytes and seconds, in the order they were sent. */
  downloads: Download[];
  allAnswered: boolean;
  slowestSeconds: number;
  apiRssBeforeMiB: number;
  apiPeakRssMiB: number;
}

/** `n` downloads of one export sent at once, the API's memory sampled until the last ends. */
async function runParallel(
  origin: string,
  pid: number,
  exportPath: string,
  n: number,
): Promise<ParallelRun> {
  const rss = rssSampler(pid);
  const downloads = await Promise.all(
    Array.from({ length: n }, () => download(origin, exportPath)),
  );
  const bytes = new Set(downloads.map((d) => d.bytes));
  return {
    path: exportPath,
    parallel: n,
    downloads,
    allAnswered: downloads.every((d) => d.status === 200 && !d.error) && bytes.size === 1,
    slowestSeconds: Math.max(...downloads.map((d) => d.seconds)),
    apiRssBeforeMiB: rss.before,
    apiPeakRssMiB: rss.stop(),
  };
}

const EXPORTS: Record<string, string> = {
  jsonld: '/export/graph.jsonld',
  csv: '/export/rights-matrix.csv?asOf=2025-06-01',
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const sizes = (flags.get('sizes') ?? 'small,large').split(',');
  for (const size of sizes) {
    if (!isSizeName(size))
      throw new Error(`unknown size "${size}": ${Object.keys(SIZES).join(', ')}`);
  }
  const script = path.resolve(
    flags.get('api') ?? path.join(PROJECT_ROOT, 'dist', 'cli', 'start.js'),
  );
  const label = flags.get('label') ?? 'streamed';
  const kinds = (flags.get('exports') ?? 'jsonld,csv').split(',');
  for (const kind of kinds)
    if (!EXPORTS[kind])
      throw new Error(`unknown export "${kind}": ${Object.keys(EXPORTS).join(', ')}`);
  const parallel = Number(flags.get('parallel') ?? 1);
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new Error(
      `--parallel must be a whole number of at least 1, not "${flags.get('parallel')}"`,
    );
  const results: { size: string; exports: (ExportRun | ParallelRun)[] }[] = [];
  for (const size of sizes) {
    const neo4j = await startBenchNeo4j(size, sizingFor(SIZES[size as keyof typeof SIZES]), {
      log,
    });
    const uri = neo4j.uri.replace(/^bolt:/, 'neo4j:');
    const { child, origin } = await startApiProcess(uri, {}, script);
    try {
      // A first small request, so that start-up allocations are behind us.
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ about { nodeCounts { label count } } }' }),
      });
      await sleep(1000);
      const runs: (ExportRun | ParallelRun)[] = [];
      for (const exportPath of kinds.map((k) => EXPORTS[k]!)) {
        const run =
          parallel > 1
            ? await runParallel(origin, child.pid!, exportPath, parallel)
            : await runExport(origin, child.pid!, exportPath);
        log(`${size} ${exportPath}: ${JSON.stringify(run)}`);
        runs.push(run);
      }
      results.push({ size, exports: runs });
    } finally {
      await stopChild(child);
      await neo4j.stop();
    }
  }
  const report = {
    command: commandLine('bench:exports', argv),
    date: new Date().toISOString(),
    api: path.relative(PROJECT_ROOT, script),
    label,
    results,
  };
  const text = await writeResult(`exports-${label}.json`, JSON.stringify(report, null, 2));
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
