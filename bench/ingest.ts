/**
 * Ingestion against a bare UNWIND ... MERGE of the same rows, in one run on one Neo4j
 * (issue 20: ingestion should write at least half the rows per second of the bare statements).
 *   npm run -s bench:ingest -- [--scale 0.05] [--batch 2000] [--rounds 2] [--only bare,library,cli,api]
 *
 * The synthetic graph of bench/synthetic.ts at `scale` (0.05: 500 companies, about 21,000
 * entities and 100,000 relationships). Before each measured write the graph is emptied, and
 * the curated seeds and the synthetic reference bundle (authorities, parties, purposes) are
 * loaded, unmeasured; the measured write is the companies' part, through:
 *   bare     the rows that ingestion sends (bundleRows of src/graph/ingest.ts: the same node
 *            properties, entry text and hash), written with `UNWIND $rows AS row MERGE (n:L {id})
 *            SET n += ...` and `UNWIND $rels ... MATCH ... MATCH ... MERGE (a)-[:T]->(b)`, in
 *            batches of `batch` rows, one transaction per batch: no validation, no versions,
 *            no derived values, no history checks;
 *   library  ingest(db, docs, {batched: true, batchSize}) as `bench:generate` loads a graph;
 *   cli      `node dist/cli/seed.js --batched FILE` (the companies' part as one JSON file):
 *            a process that starts, reads, validates and writes (wall time);
 *   api      the API's ingestBundle mutation (a curator key, over HTTP), one bundle of 100
 *            companies per call (about 4,200 entities: a write holds at most 5,000), each call
 *            one transaction, in order.
 * Rows are entities plus relationships. The paths run in turn, `rounds` times (the first round
 * also warms Neo4j's plans and page cache); each path's best round is reported, all rounds kept. Uses its own Neo4j (fresh, port BENCH_INGEST_PORT or
 * 7740, data under /tmp/bench-neo4j/ingest); stops what it starts. The report goes to stdout
 * and to bench/results/v2/ingest.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../src/api/auth/api-keys.store';
import { applyMigrations, type Database } from '../src/db';
import { startLocalNeo4j } from '../src/devtools/local-neo4j';
import { ingest, type BundleInput } from '../src/graph';
import { bundleRows, validateAgainstGraph } from '../src/graph/ingest';
import { ingestFiles } from '../src/graph/ingest-files';
import {
  BENCH_ROOT,
  benchDatabase,
  commandLine,
  log,
  parseFlags,
  PROJECT_ROOT,
  SEEDS_DIR,
  writeResult,
} from './env';
import { startApiProcess, stopChild } from './processes';
import { companiesBundle, countsFor, referenceBundle } from './synthetic';

const API_COMPANIES_PER_CALL = 100;
/** Empty graph, then the seeds and the synthetic reference bundle: what every write builds on. */
async function prepare(db: Database): Promise<void> {
  await db.autoCommit(
    'emptyGraph',
    'MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
  await applyMigrations(db);
  await ingestFiles(db, [SEEDS_DIR]);
  await ingest(db, [{ file: 'synthetic/reference', data: referenceBundle() }]);
}

async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(
    'counts',
    'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: row!.nodes as number, relationships: row!.relationships as number };
}

/** The bare statements: the same rows, the same batches, nothing else. */
async function writeBare(db: Database, docs: { file: string; data: BundleInput }[], batch: number) {
  const rows = bundleRows(await validateAgainstGraph(db, docs));
  const started = performance.now();
  for (const { label, rows: nodes } of rows.nodes) {
    for (let i = 0; i < nodes.length; i += batch) {
      // Labels and types come from the model's constants, never from input.
      await db.write(
        `bare nodes ${label}`,
        `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n:Entity, n.recordedAt = datetime()
SET n += row.props, n.contentHash = row.hash, n.entry = row.entry`,
        { rows: nodes.slice(i, i + batch) },
      );
    }
  }
  for (const { label, type, targets, targetKey, rels } of rows.relationships) {
    const target =
      targetKey === 'code' ? `(b:${targets[0]} {code: r.to})` : '(b:Entity {id: r.to})';
    for (let i = 0; i < rels.length; i += batch) {
      await db.write(
        `bare relationships ${label}.${type}`,
        `UNWIND $rels AS r
MATCH (a:${label} {id: r.from})
MATCH ${target}
MERGE (a)-[x:${type}]->(b)
SET x += r.props`,
        { rels: rels.slice(i, i + batch) },
      );
    }
  }
  return (performance.now() - started) / 1000;
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

interface Measured {
  path: string;
  round: number;
  seconds: number;
  entities: number;
  relationships: number;
  rowsPerSecond: number;
  note?: string;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const scale = Number(flags.get('scale') ?? 0.05);
  const batch = Number(flags.get('batch') ?? 2000);
  const only = (flags.get('only') ?? 'bare,library,cli,api').split(',');
  const rounds = Number(flags.get('rounds') ?? 2);
  const { companies } = countsFor(scale);
  const companyDocs: { file: string; data: BundleInput }[] = [
    { file: 'synthetic/companies', data: companiesBundle(0, companies) },
  ];
  const apiBundles: BundleInput[] = [];
  for (let from = 0; from < companies; from += API_COMPANIES_PER_CALL)
    apiBundles.push(companiesBundle(from, Math.min(companies, from + API_COMPANIES_PER_CALL)));

  const port = Number(process.env.BENCH_INGEST_PORT ?? 7740);
  const dataDir = path.join(BENCH_ROOT, 'ingest', 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j(
    { port, dataDir, heap: '2g', pagecache: '1g', projectRoot: PROJECT_ROOT },
    log,
  );
  const uri = neo4j.uri.replace(/^bolt:/, 'neo4j:');
  const db = benchDatabase(uri);
  const results: Measured[] = [];
  let baseline: { entities: number; relationships: number } | undefined;
  let round = 0;
  const record = async (name: string, seconds: number, note?: string) => {
    const after = await graphCounts(db);
    const base = baseline!;
    const entities = after.nodes - base.entities;
    const relationships = after.relationships - base.relationships;
    const m: Measured = {
      path: name,
      round,
      seconds: Math.round(seconds * 100) / 100,
      entities,
      relationships,
      rowsPerSecond: Math.round((entities + relationships) / seconds),
      ...(note ? { note } : {}),
    };
    results.push(m);
    log(`${name}: ${JSON.stringify(m)}`);
  };
  const fresh = async () => {
    await prepare(db);
    const c = await graphCounts(db);
    baseline = { entities: c.nodes, relationships: c.relationships };
  };
  try {
    await applyMigrations(db);
    for (round = 1; round <= rounds; round++) await measureRound();
  } finally {
    await db.close();
    await neo4j.stop();
  }
  const best = new Map<string, Measured>();
  for (const r of results)
    if ((best.get(r.path)?.rowsPerSecond ?? -1) < r.rowsPerSecond) best.set(r.path, r);
  const bare = best.get('bare');
  const summary = [...best.values()].map((r) => ({
    path: r.path,
    round: r.round,
    rowsPerSecond: r.rowsPerSecond,
    ...(bare && r !== bare
      ? { ofBare: Math.round((r.rowsPerSecond / bare.rowsPerSecond) * 100) / 100 }
      : {}),
  }));
  const report = {
    command: commandLine('bench:ingest', argv),
    date: new Date().toISOString(),
    scale,
    batch,
    rounds,
    summary,
    results,
  };
  process.stdout.write(await writeResult('ingest.json', JSON.stringify(report, null, 2)));

  async function measureRound(): Promise<void> {
    if (only.includes('bare')) {
      await fresh();
      await record('bare', await writeBare(db, companyDocs, batch));
    }
    if (only.includes('library')) {
      await fresh();
      const started = performance.now();
      await ingest(db, companyDocs, { batched: true, batchSize: batch });
      await record('library', (performance.now() - started) / 1000);
    }
    if (only.includes('cli')) {
      await fresh();
      const dir = path.join(BENCH_ROOT, 'ingest', 'bundle');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'companies.json');
      writeFileSync(file, JSON.stringify(companyDocs[0]!.data));
      const started = performance.now();
      const output = await run(
        process.execPath,
        [path.join(PROJECT_ROOT, 'dist', 'cli', 'seed.js'), '--batched', file],
        { PATH: process.env.PATH, TZ: 'UTC', NEO4J_URI: uri, NEO4J_TIMEOUT_MS: '60000' },
      );
      const said = /seeded.*?in ([\d.]+) s/s.exec(output)?.[1];
      await record(
        'cli',
        (performance.now() - started) / 1000,
        `wall time of the process; it reports ${said ?? '?'} s of its own`,
      );
    }
    if (only.includes('api')) {
      await fresh();
      const { token } = await createApiKey(db, 'curator', 'ingest bench');
      const api = await startApiProcess(uri, { MAX_BODY_BYTES: '50000000' });
      try {
        const started = performance.now();
        for (const bundle of apiBundles) {
          const res = await fetch(api.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query:
                'mutation ($bundle: BundleInput!) { ingestBundle(bundle: $bundle) { relationshipsWritten } }',
              variables: { bundle },
            }),
          });
          const body = (await res.json()) as { errors?: unknown[] };
          if (!res.ok || body.errors) throw new Error(`ingestBundle: ${JSON.stringify(body)}`);
        }
        await record(
          'api',
          (performance.now() - started) / 1000,
          `${apiBundles.length} calls of up to ${API_COMPANIES_PER_CALL} companies`,
        );
      } finally {
        await stopChild(api.child);
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
