/**
 * `npm run -s bench:generate -- --size small|medium|large [--practices N] [--fresh] [--out FILE]
 *  [--no-load] [--keep-running] [--batch N] [--time-validation]`
 *
 * Builds the deterministic synthetic graph (bench/synthetic.ts) as bundles in the project's
 * format and loads it through the project's own ingestion: migrations, the curated seeds
 * (seedPaths, as `npm run seed` does), then `ingest()` of the generated bundle, which
 * validates everything and writes with batched UNWIND/MERGE, committing per batch (`batched`) for big
 * bundles. Reports load time and entities per second in bench/results/load-<size>.json.
 *
 * --practices N sizes the graph by its practices (e.g. 100000 for "seeding a generated bundle
 * of 100,000 practices"); --out writes the generated bundle as one JSON file that
 * `npm run seed -- FILE` reads; --no-load stops there; --time-validation also times validation alone.
 * A few of the generated sources end up cited by nothing (validation warns; harmless).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../src/db';
import { ingest, type BundleInput, type IngestReport } from '../src/graph';
import { validateAgainstGraph } from '../src/graph/ingest';
import { ingestFiles } from '../src/graph/ingest-files';
import {
  benchDatabase,
  BENCH_PORT,
  dataDirFor,
  isSizeName,
  log,
  parseFlags,
  SEEDS_DIR,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { companiesBundle, countsFor, referenceBundle } from './synthetic';

/** Companies per generated document (bundles may span files; validation merges them). */
const COMPANIES_PER_DOC = 1000;

export function syntheticDocs(scale: number): { file: string; data: BundleInput }[] {
  const { companies } = countsFor(scale);
  const docs = [{ file: 'synthetic/reference', data: referenceBundle() }];
  for (let from = 0; from < companies; from += COMPANIES_PER_DOC) {
    const to = Math.min(companies, from + COMPANIES_PER_DOC);
    docs.push({ file: `synthetic/companies-${from}`, data: companiesBundle(from, to) });
  }
  return docs;
}

/** One bundle of every document, for `npm run seed -- FILE`. */
function mergeDocs(docs: { data: BundleInput }[]): BundleInput {
  const out: Record<string, unknown[]> = {};
  for (const { data } of docs) {
    for (const [section, entries] of Object.entries(data) as [string, unknown[]][]) {
      // A loop, not push(...entries): spreading 100,000+ arguments overflows the stack.
      const target = (out[section] ??= []);
      for (const e of entries) target.push(e);
    }
  }
  return out;
}

const entityCount = (r: IngestReport): number =>
  Object.values(r.counts).reduce((n, c) => n + c.created + c.updated + c.unchanged, 0);

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const practices = flags.get('practices');
  const sizeFlag = flags.get('size') ?? (practices ? undefined : 'small');
  if (sizeFlag !== undefined && !isSizeName(sizeFlag))
    throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const scale = practices ? Number(practices) / 200_000 : SIZES[sizeFlag!];
  const label = sizeFlag ?? `practices-${practices}`;
  const counts = countsFor(scale);
  log(`${label}: scale ${scale} -> ${JSON.stringify(counts)}`);

  let started = Date.now();
  const docs = syntheticDocs(scale);
  const generateSeconds = (Date.now() - started) / 1000;
  log(`generated ${docs.length} documents in ${generateSeconds.toFixed(1)} s`);

  const out = flags.get('out');
  if (out) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, JSON.stringify(mergeDocs(docs)));
    log(`wrote ${out}`);
  }
  if (flags.has('no-load')) return;

  const sizing = sizingFor(scale);
  const neo4j = await startBenchNeo4j(label, sizing, { fresh: flags.has('fresh'), log });
  const db = benchDatabase(neo4j.uri);
  try {
    await applyMigrations(db);
    started = Date.now();
    const seeds = await ingestFiles(db, [SEEDS_DIR]);
    const seedSeconds = (Date.now() - started) / 1000;
    log(`seeds: ${entityCount(seeds)} entities in ${seedSeconds.toFixed(1)} s`);

    let validateSeconds: number | undefined;
    if (flags.has('time-validation')) {
      started = Date.now();
      await validateAgainstGraph(db, docs);
      validateSeconds = (Date.now() - started) / 1000;
      log(`validation alone: ${validateSeconds.toFixed(1)} s`);
    }

    started = Date.now();
    let lastShown = 0;
    const report = await ingest(db, docs, {
      // Hundreds of thousands of entities: more than one transaction's memory holds.
      batched: true,
      batchSize: Number(flags.get('batch') ?? 2000),
      onProgress: (p) => {
        if (Date.now() - lastShown < 10_000) return;
        lastShown = Date.now();
        log(`  ${p.label} ${p.phase}: ${p.done}/${p.total}`);
      },
    });
    const ingestSeconds = (Date.now() - started) / 1000;
    const entities = entityCount(report);
    const result = {
      size: label,
      scale,
      date: new Date().toISOString(),
      command: `npm run -s bench:generate -- ${process.argv.slice(2).join(' ')}`,
      commit: process.env.BENCH_COMMIT ?? null,
      neo4j: { port: BENCH_PORT, dataDir: dataDirFor(label), ...sizing },
      counts,
      documents: docs.length,
      generateSeconds,
      seeds: { entities: entityCount(seeds), seconds: seedSeconds },
      validateSeconds,
      ingest: {
        seconds: ingestSeconds,
        entities,
        relationships: report.relationshipsWritten,
        entitiesPerSecond: Math.round(entities / ingestSeconds),
        relationshipsPerSecond: Math.round(report.relationshipsWritten / ingestSeconds),
        rowsPerSecond: Math.round((entities + report.relationshipsWritten) / ingestSeconds),
        byLabel: report.counts,
      },
      node: process.version,
    };
    log(
      `ingest: ${entities} entities + ${report.relationshipsWritten} relationships in ${ingestSeconds.toFixed(1)} s ` +
        `(${result.ingest.entitiesPerSecond} entities/s, ${result.ingest.relationshipsPerSecond} relationships/s)`,
    );
    await writeResult(`load-${label}.json`, JSON.stringify(result, null, 2));
  } finally {
    await db.close();
    if (!flags.has('keep-running')) await neo4j.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench:generate failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
