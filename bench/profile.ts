/**
 * `npm run bench:profile -- [--size large] [--only name,name] [--repeat 15]`
 *
 * Evidence for the numbers: runs the API in-process on a Database that records every query it
 * sends (the single door to Neo4j), asks each workload once, then for the API's Cypher and the
 * hand-written Cypher of target R:
 *  - the server-side time (resultAvailableAfter + resultConsumedAfter, median of --repeat runs),
 *  - PROFILE: total db hits, rows and the operators with the most db hits.
 * Writes bench/results/profile-<size>.txt (with the API's Cypher text).
 */
import os from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { startApi } from '../src/api/server';
import { createLogger } from '../src/config';
import { Database, type Params, type Row, toPlain } from '../src/db';
import {
  benchDbSettings,
  isSizeName,
  log,
  parseFlags,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { prepareContext } from './context';
import { RAW_QUESTIONS } from './raw';
import { WORKLOADS } from './workloads';

interface Captured {
  name: string;
  cypher: string;
  params: Params;
  /** Wall time of the read: session, transaction, transfer (and toPlain of the rows for `read`). */
  ms: number;
}

/** The API's Database, recording what goes through it. */
class CapturingDatabase extends Database {
  readonly captured: Captured[] = [];

  override read(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): Promise<Row[]> {
    return this.capture(name, cypher, params, () => super.read(name, cypher, params, timeoutMs));
  }

  override readValues(
    name: string,
    cypher: string,
    params: Params = {},
  ): Promise<Record<string, unknown>[]> {
    return this.capture(name, cypher, params, () => super.readValues(name, cypher, params));
  }

  private async capture<T>(
    name: string,
    cypher: string,
    params: Params,
    read: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const rows = await read();
    this.captured.push({ name, cypher, params, ms: performance.now() - started });
    return rows;
  }
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: PlanNode[];
  arguments: Record<string, unknown>;
}

function flatten(
  plan: PlanNode,
  depth = 0,
  out: { op: string; dbHits: number; rows: number; depth: number; details: string }[] = [],
) {
  out.push({
    op: plan.operatorType.replace(/@.*$/, ''),
    dbHits: Number(plan.dbHits),
    rows: Number(plan.rows),
    depth,
    details: (typeof plan.arguments.Details === 'string' ? plan.arguments.Details : '').slice(
      0,
      140,
    ),
  });
  for (const c of plan.children) flatten(c, depth + 1, out);
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
};

/** Medians of: Neo4j's own time, the driver's wall time, and toPlain / JSON.stringify of the records. */
async function timings(
  driver: Driver,
  cypher: string,
  params: Params,
  repeat: number,
): Promise<{ server: number; wall: number; toPlain: number; stringify: number; bytes: number }> {
  const server: number[] = [];
  const wall: number[] = [];
  const plain: number[] = [];
  const stringify: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const started = performance.now();
      const result = await session.executeRead((tx) => tx.run(cypher, params));
      wall.push(performance.now() - started);
      server.push(
        Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter),
      );
      let t = performance.now();
      const rows = result.records.map((r) => toPlain(r.toObject()));
      plain.push(performance.now() - t);
      t = performance.now();
      bytes = JSON.stringify(rows).length;
      stringify.push(performance.now() - t);
    } finally {
      await session.close();
    }
  }
  return {
    server: median(server),
    wall: median(wall),
    toPlain: median(plain),
    stringify: median(stringify),
    bytes,
  };
}

async function profile(driver: Driver, cypher: string, params: Params): Promise<string[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(`PROFILE ${cypher}`, params));
    const plan = result.summary.profile as unknown as PlanNode | false;
    if (!plan) return ['(no profile)'];
    const ops = flatten(plan);
    const total = ops.reduce((n, o) => n + o.dbHits, 0);
    const lines = [
      `total db hits ${total}, rows out ${Number(plan.rows)}, operators ${ops.length}`,
    ];
    for (const o of [...ops].sort((a, b) => b.dbHits - a.dbHits).slice(0, 8))
      lines.push(
        `  ${o.op.padEnd(28)} db hits ${String(o.dbHits).padStart(9)}  rows ${String(o.rows).padStart(8)}  ${o.details}`,
      );
    return lines;
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const repeat = Number(flags.get('repeat') ?? 15);
  const only = flags.get('only')?.split(',');
  const neo4jHandle = await startBenchNeo4j(size, sizingFor(SIZES[size]), { log });
  const db = new CapturingDatabase(benchDbSettings(neo4jHandle.uri));
  const api = await startApi({
    db,
    logger: createLogger('silent'),
    port: 0,
    host: '127.0.0.1',
    development: true,
    limits: { anonymous: 0, perKey: 0 },
  });
  const gql = async (query: string, variables: unknown): Promise<any> => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  const out: string[] = [
    `Profile of size ${size}, ${new Date().toISOString()}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}: times are medians of ${repeat} sequential runs.`,
  ];
  try {
    const workloads = WORKLOADS.filter((x) => !only || only.includes(x.name));
    // The cursors ending the page before page N, for O; R's cursors are the same keys.
    const { ctx } = await prepareContext(
      [{ name: 'O', url: api.url }],
      workloads.map((w) => w.name),
      log,
    );
    for (const cursors of Object.values(ctx.cursors)) cursors.R = cursors.O;

    for (const w of workloads) {
      const request = w.request('O', ctx);
      // The whole request in-process (HTTP, GraphQL, compile, one read, shaping), sequentially.
      const e2e: number[] = [];
      const reads: number[] = [];
      let sent: Captured[] = [];
      for (let i = 0; i < repeat; i++) {
        db.captured.length = 0;
        const started = performance.now();
        const answer = await gql(request.query, request.variables);
        e2e.push(performance.now() - started);
        if (answer.errors) throw new Error(`${w.name}: ${JSON.stringify(answer.errors)}`);
        sent = [...db.captured];
        reads.push(sent.reduce((n, q) => n + q.ms, 0));
      }
      out.push(
        '',
        `=== ${w.name}: the API sent ${sent.length} quer${sent.length === 1 ? 'y' : 'ies'}`,
      );
      out.push(
        `O request ${median(e2e)} ms, of which Database.read ${median(reads)} ms; ` +
          `outside the read (HTTP, GraphQL parse/validate/execute, compile, shaping, JSON) ${median(e2e.map((x, i) => x - reads[i]!))} ms`,
      );
      for (const q of sent) {
        const t = await timings(db.driver, q.cypher, q.params, repeat);
        out.push(
          `--- O (${q.name}): Neo4j ${t.server} ms, driver wall ${t.wall} ms, toPlain ${t.toPlain} ms, JSON ${t.stringify} ms of ${t.bytes} bytes`,
        );
        out.push(...(await profile(db.driver, q.cypher, q.params)));
        out.push('Cypher:', q.cypher);
      }
      const rawRequest = w.request('R', ctx);
      const raw = RAW_QUESTIONS[rawRequest.query]?.query(rawRequest.variables);
      if (raw) {
        // R's findings exceed the 1 GiB a transaction may use on the large graph: say so, and
        // keep O's profile (the output is written at the end).
        try {
          const t = await timings(db.driver, raw.cypher, raw.params, repeat);
          out.push(
            `--- R: Neo4j ${t.server} ms, driver wall ${t.wall} ms, JSON ${t.stringify} ms of ${t.bytes} bytes (R does no toPlain)`,
          );
          out.push(...(await profile(db.driver, raw.cypher, raw.params)));
        } catch (error) {
          out.push(`--- R failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      log(`profiled ${w.name}`);
    }
  } finally {
    await api.close();
    await db.close();
    if (!flags.has('keep-running')) await neo4jHandle.stop();
  }
  await writeResult(`profile-${size}.txt`, `${out.join('\n')}\n`);
  process.stdout.write(
    `${out
      .filter((l) => !l.startsWith(' ') || l.includes('db hits'))
      .slice(0, 400)
      .join('\n')}\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench:profile failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
