/**
 * A mixed load across 1 and then 2 API replicas (real processes, `node dist/cli/start.js`) on one
 * Neo4j and one Redis, on loopback: per replica count, the throughput, p50 and p99 over every
 * replica's answers, and the errors (any non-2xx status, transport error or GraphQL error).
 * Bounded: a 20 s warm-up, then four rounds of `seconds` (1, 2, 1, 2 replicas, interleaved);
 * the summary gives the mean of each count's rounds. It stops what it starts. The report goes
 * to stdout and to bench/results/v2/replicas.json.
 *   npm run -s bench:replicas -- [seconds=15] [connections=4]
 * The mix, per connection in turn: four reads (a rights matrix, a company's incidents, its
 * findings, plans denying a right) and one curator write (recordIncident, a new incident each
 * time). The replicas wait up to 10 s for Neo4j (NEO4J_TIMEOUT_MS), so that a slow answer on a
 * busy machine counts as slow, not as an error.
 * Uses its own Neo4j (the launcher, fresh data, port BENCH_NEO4J_PORT or 7745) seeded with the
 * curated data, and its own redis-server on a free port.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApiKey } from '../src/api/auth/api-keys.store';
import { applyMigrations, Database } from '../src/db';
import { startLocalNeo4j } from '../src/devtools/local-neo4j';
import { PROJECT_ROOT, RESULTS_DIR } from './env';
import { freePort, startApiProcess, startChild, stopChild } from './processes';

const READS = [
  '{ rightsMatrix(companies: ["mistral-ai", "openai"], asOf: "2025-02-12") { totalCount rows { plan { id } cells { right status } } } }',
  '{ company(id: "mistral-ai") { name incidents(first: 10) { nodes { id title date } } } }',
  '{ findings(company: "mistral-ai", asOf: "2025-02-12") { totalCount nodes { id title standing } } }',
  '{ plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2025-02-12") { totalCount nodes { plan { id } status } } }',
];
const RECORD = 'mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WARM_UP_SECONDS = 20;

interface Round {
  replicas: number;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** What the errors were: an HTTP status, a GraphQL error code, or autocannon's errors and time-outs. */
  errorKinds: Record<string, number>;
  writes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One autocannon per replica, connections split between them, run at once. */
async function load(
  urls: string[],
  seconds: number,
  connections: number,
  token: string,
  record: boolean,
): Promise<Round> {
  const latencies: number[] = [];
  const errorKinds = new Map<string, number>();
  const failed = (kind: string, n = 1) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + n);
  let writes = 0;
  let sequence = 0;
  const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
  const checked = (status: number, text: string) => {
    if (!record) return;
    if (status < 200 || status >= 300) failed(`HTTP ${status}`);
    else if (text.includes('"errors"'))
      failed(/"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'GraphQL error');
  };
  const runs = urls.map((url) => {
    return new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          connections: Math.max(1, Math.round(connections / urls.length)),
          duration: seconds,
          timeout: 30,
          requests: [
            ...READS.map((query) => ({ body: body(query), onResponse: checked })),
            {
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                body: body(RECORD, {
                  input: {
                    kind: 'COMPLAINT',
                    title: `Replica bench complaint ${process.pid}-${Date.now()}-${sequence++}`,
                    date: '2026-06-01',
                    against: ['mistral-ai'],
                    before: 'cnil',
                    cites: ['Art. 21'],
                    verification: 'VERIFIED',
                    summary: 'Written by the replica bench.',
                    sources: [{ source: 'src-linforme-2025-mistral-complaint' }],
                  },
                }),
              }),
              onResponse: (status: number, text: string) => {
                if (record) writes++;
                checked(status, text);
              },
            },
          ],
        },
        (error, result) => (error ? reject(error as Error) : resolve(result)),
      );
      // Every answer's time, to take percentiles over all replicas together (autocannon's
      // typings leave out the instance's 'response' event: the client, status, bytes, time).
      (instance as NodeJS.EventEmitter).on(
        'response',
        (_client: unknown, _status: number, _bytes: number, ms: number) => {
          if (record) latencies.push(ms);
        },
      );
    });
  });
  const results = await Promise.all(runs);
  if (record) {
    failed(
      'connection errors',
      results.reduce((n, r) => n + r.errors, 0),
    );
    failed(
      'time-outs',
      results.reduce((n, r) => n + r.timeouts, 0),
    );
  }
  const errors = [...errorKinds.values()].reduce((n, c) => n + c, 0);
  latencies.sort((x, y) => x - y);
  return {
    replicas: urls.length,
    seconds,
    connections,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    errorKinds: Object.fromEntries([...errorKinds].filter(([, n]) => n > 0)),
    writes,
  };
}

async function main(): Promise<void> {
  const [seconds = 15, connections = 4] = process.argv.slice(2).map(Number);
  const port = Number(process.env.BENCH_NEO4J_PORT ?? 7745);
  const dataDir = path.join(PROJECT_ROOT, '.neo4j', `replicas-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({ port, dataDir, heap: '1g', projectRoot: PROJECT_ROOT });
  const uri = neo4j.uri.replace(/^bolt:/, 'neo4j:');
  const redisPort = await freePort();
  const redis = await startChild(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    process.env,
    'Ready to accept connections',
  );
  const db = new Database({ uri, user: 'neo4j', password: 'password', timeoutMs: 1500 });
  const apis: ChildProcess[] = [];
  try {
    await applyMigrations(db);
    const startApi = async (seed: boolean) => {
      const { child, url } = await startApiProcess(uri, {
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        SEED_ON_EMPTY: String(seed),
        NEO4J_TIMEOUT_MS: '10000',
      });
      apis.push(child);
      return url;
    };
    const first = await startApi(true);
    const second = await startApi(false);
    const { token } = await createApiKey(db, 'curator', 'replica bench');
    // Warm both replicas and Neo4j (query plans, page cache) before measuring anything.
    await load([first, second], WARM_UP_SECONDS, connections, token, false);
    const rounds: Round[] = [];
    const loadBefore = os.loadavg();
    // Interleaved, so that a change in the machine's load weighs on both counts alike.
    for (const replicas of [1, 2, 1, 2]) {
      rounds.push(
        await load([first, second].slice(0, replicas), seconds, connections, token, true),
      );
      await sleep(1000);
    }
    const mean = (values: number[]) =>
      Math.round((values.reduce((n, v) => n + v, 0) / values.length) * 10) / 10;
    const summary = [1, 2].map((replicas) => {
      const mine = rounds.filter((r) => r.replicas === replicas);
      return {
        replicas,
        rounds: mine.length,
        requestsPerSecond: mean(mine.map((r) => r.requestsPerSecond)),
        p50Ms: mean(mine.map((r) => r.p50Ms)),
        p99Ms: mean(mine.map((r) => r.p99Ms)),
        errors: mine.reduce((n, r) => n + r.errors, 0),
      };
    });
    const report = {
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
      loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
      summary,
      rounds,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'replicas.json'), `${JSON.stringify(report, null, 2)}\n`);
    if (rounds.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    for (const api of apis) await stopChild(api);
    await stopChild(redis);
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
