/**
 * `npm run bench -- [--size large] [--rounds 3] [--duration 5] [--warmup 3] [--settle 1]
 *   [--concurrency 1,4] [--only name,name] [--targets R,O,N] [--max-minutes 40] [--keep-running]`
 *
 * Starts the bench Neo4j of that size (load it first with `npm run -s bench:generate`), the
 * three targets as child processes on the same data and driver settings (bench/serve.ts),
 * checks that their answers agree, records the API's x-cypher-queries per workload, warms
 * up, then measures every workload x concurrency x target with autocannon in interleaved
 * rounds and keeps the median of the rounds. Each measured cell of a fast question follows
 * `settle` seconds of the same requests, unmeasured: the garbage a previous cell's 0.8 s
 * question left in Neo4j and the target is collected there, not in a 2 ms question's window.
 * Writes bench/results/run-<size>.json and bench/results/run-<size>.md, and stops what it
 * started.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commandLine,
  dataDirFor,
  isSizeName,
  log,
  parseFlags,
  PROJECT_ROOT,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { measure, median, memoryOf, type Sample, spawnTarget, type Target } from './targets';
import {
  PAGE_SIZE,
  TARGETS,
  type TargetName,
  WALK_QUERIES,
  type Workload,
  type WorkloadContext,
  WORKLOADS,
} from './workloads';

interface Answer {
  status: number;
  body: any;
  bytes: number;
  cypherQueries: string | null;
  ms: number;
}

async function ask(
  target: Target,
  request: { query: string; variables: unknown },
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text),
    bytes: Buffer.byteLength(text),
    cypherQueries: res.headers.get('x-cypher-queries'),
    ms: performance.now() - started,
  };
}

/** Walks `offset` items with pages of at most 100, returning each target's cursor there. */
async function walkTo(target: Target, offset: number): Promise<unknown> {
  let after: unknown = null;
  for (let done = 0; done < offset;) {
    const first = Math.min(100, offset - done);
    const answer =
      target.name === 'R'
        ? await ask(target, { query: 'incidents', variables: { first, after } })
        : await ask(target, { query: WALK_QUERIES[target.name], variables: { first, after } });
    if (answer.body.errors)
      throw new Error(`${target.name} walk: ${JSON.stringify(answer.body.errors)}`);
    const data = answer.body.data;
    after = (target.name === 'N' ? data.incidentsConnection : data.incidents).pageInfo.endCursor;
    done += first;
  }
  return after;
}

interface Check {
  workload: string;
  agree: Record<TargetName, boolean>;
  differences: Partial<Record<TargetName, string>>;
  tokens: number;
  bytes: Partial<Record<TargetName, number>>;
  firstMs: Partial<Record<TargetName, number>>;
  cypherQueries: string | null;
}

function firstDifference(a: string[], b: string[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i])
      return `token ${i} of ${a.length}/${b.length}: O ${JSON.stringify(a[i] ?? null)} vs ${JSON.stringify(b[i] ?? null)}`;
  }
  return '';
}

async function check(targets: Target[], workload: Workload, ctx: WorkloadContext): Promise<Check> {
  const tokens: Partial<Record<TargetName, string[]>> = {};
  const result: Check = {
    workload: workload.name,
    agree: { R: false, O: false, N: false },
    differences: {},
    tokens: 0,
    bytes: {},
    firstMs: {},
    cypherQueries: null,
  };
  for (const t of targets) {
    const answer = await ask(t, workload.request(t.name, ctx));
    result.bytes[t.name] = answer.bytes;
    result.firstMs[t.name] = Math.round(answer.ms);
    if (t.name === 'O') result.cypherQueries = answer.cypherQueries;
    if (answer.status !== 200 || answer.body.errors) {
      result.differences[t.name] =
        `error: ${JSON.stringify(answer.body.errors ?? answer.status).slice(0, 500)}`;
      continue;
    }
    tokens[t.name] = workload.normalise(t.name, answer.body.data);
  }
  const reference = tokens.O;
  result.tokens = reference?.length ?? 0;
  for (const t of targets) {
    const mine = tokens[t.name];
    if (!mine || !reference) continue;
    const difference = firstDifference(reference, mine);
    result.agree[t.name] = difference === '';
    if (difference) result.differences[t.name] = difference;
  }
  return result;
}

const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? 'n/a' : (a / b).toFixed(2);

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const rounds = Number(flags.get('rounds') ?? 3);
  const duration = Number(flags.get('duration') ?? 5);
  const warmup = Number(flags.get('warmup') ?? 3);
  const settle = Number(flags.get('settle') ?? 1);
  const concurrencies = (flags.get('concurrency') ?? '1,4').split(',').map(Number);
  const only = flags.get('only')?.split(',');
  const workloads = WORKLOADS.filter((w) => !only || only.includes(w.name));
  const targetNames = (flags.get('targets')?.split(',') ?? TARGETS) as TargetName[];
  const deadline = Date.now() + Number(flags.get('max-minutes') ?? 40) * 60_000;
  const command = commandLine('bench', process.argv.slice(2));

  if (!existsSync(dataDirFor(size)))
    throw new Error(
      `no ${size} graph at ${dataDirFor(size)}: run npm run -s bench:generate -- --size ${size} first`,
    );
  const sizing = sizingFor(SIZES[size]);
  const neo4j = await startBenchNeo4j(size, sizing, { log });
  const targets: Target[] = [];
  try {
    for (const name of targetNames) targets.push(await spawnTarget(name, neo4j.uri));
    const byName = Object.fromEntries(targets.map((t) => [t.name, t])) as Record<
      TargetName,
      Target
    >;
    log(`targets: ${targets.map((t) => `${t.name} ${t.url} (pid ${t.child.pid})`).join(', ')}`);

    // Page 500 is after 499 pages of 20; on smaller graphs, the last page.
    const page1 = await ask(byName.O ?? targets[0]!, {
      query: byName.O ? 'query { incidents(first: 1) { totalCount } }' : 'incidents',
      variables: { first: 1, after: null },
    });
    const totalIncidents = Number(page1.body.data.incidents.totalCount);
    const page500Index = Math.min(500, Math.max(1, Math.ceil(totalIncidents / PAGE_SIZE)));
    const ctx: WorkloadContext = { page500: { R: null, O: null, N: null }, page500Index };
    /** Workload|target pairs that failed the check: reported, not timed. */
    const failed = new Map<string, string>();
    for (const t of targets) {
      try {
        ctx.page500[t.name] = await walkTo(t, (page500Index - 1) * PAGE_SIZE);
      } catch (error) {
        failed.set(
          `incidents p500|${t.name}`,
          `walking to page ${page500Index} failed: ${String(error).slice(0, 300)}`,
        );
      }
    }
    log(`incidents: ${totalIncidents}; "page 500" is page ${page500Index}`);

    const checks: Check[] = [];
    for (const w of workloads) {
      const c = await check(
        targets.filter((t) => !failed.has(`${w.name}|${t.name}`)),
        w,
        ctx,
      );
      for (const t of targets) {
        const why =
          failed.get(`${w.name}|${t.name}`) ??
          (c.differences[t.name]?.startsWith('error') ? c.differences[t.name] : undefined);
        if (why) {
          failed.set(`${w.name}|${t.name}`, why);
          c.differences[t.name] = why;
        }
      }
      checks.push(c);
      log(
        `check ${w.name}: ${c.tokens} tokens, x-cypher-queries ${c.cypherQueries}, ` +
          targets
            .map(
              (t) =>
                `${t.name} ${c.agree[t.name] ? 'agrees' : `DIFFERS (${c.differences[t.name]})`}`,
            )
            .join(', '),
      );
    }

    log(`warm-up: ${warmup} s per workload and target at concurrency 4`);
    const runs = (w: Workload, t: Target) => !failed.has(`${w.name}|${t.name}`);
    for (const w of workloads)
      for (const t of targets) {
        const expected = checks.find((x) => x.workload === w.name)?.firstMs[t.name] ?? 0;
        if (runs(w, t))
          await measure(t, w, ctx, expected * 4 > warmup * 1000 ? 1 : 4, warmup, expected);
      }

    const samples = new Map<string, Sample[]>();
    const key = (w: string, c: number, t: TargetName) => `${w}|${c}|${t}`;
    let completedRounds = 0;
    /** The 1-minute load average after each round: the machine is shared, so say how busy it was. */
    const load: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (Date.now() > deadline) {
        log(`time bound reached after ${round} rounds`);
        break;
      }
      for (const w of workloads) {
        for (const c of concurrencies) {
          // Interleaved: each round starts with a different target.
          const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
          for (const t of order.filter((x) => runs(w, x))) {
            const expected = checks.find((x) => x.workload === w.name)?.firstMs[t.name] ?? 0;
            // Slow questions (a few requests per cell) need no settling, and would take long.
            if (settle > 0 && expected * 4 <= settle * 1000)
              await measure(t, w, ctx, c, settle, expected);
            const s = await measure(t, w, ctx, c, duration, expected, neo4j.pid);
            const list = samples.get(key(w.name, c, t.name)) ?? [];
            list.push(s);
            samples.set(key(w.name, c, t.name), list);
          }
        }
      }
      completedRounds++;
      load.push(Math.round(os.loadavg()[0]! * 10) / 10);
      log(`round ${round + 1}/${rounds} done`);
    }

    const memory = Object.fromEntries(targets.map((t) => [t.name, memoryOf(t.child.pid)]));
    const results = workloads.flatMap((w) =>
      concurrencies.map((c) => {
        const per: Partial<Record<TargetName, Sample>> = {};
        for (const t of targets) {
          const list = samples.get(key(w.name, c, t.name)) ?? [];
          if (list.length === 0) continue;
          per[t.name] = {
            p50: median(list.map((s) => s.p50)),
            p99: median(list.map((s) => s.p99)),
            rps: median(list.map((s) => s.rps)),
            requests: list.reduce((n, s) => n + s.requests, 0),
            errors: list.reduce((n, s) => n + s.errors, 0),
            cpu: median(list.map((s) => s.cpu)),
            neo4jCpu: median(list.map((s) => s.neo4jCpu)),
          };
        }
        return { workload: w.name, concurrency: c, ...per };
      }),
    );

    const report = {
      date: new Date().toISOString(),
      command,
      commit: process.env.BENCH_COMMIT ?? readCommit(),
      size,
      machine: {
        cpus: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
      },
      neo4j: { ...sizing, uri: neo4j.uri },
      settings: { rounds: completedRounds, duration, warmup, settle, concurrencies },
      loadAverageAfterRounds: load,
      page500Index,
      totalIncidents,
      workloads: workloads.map((w) => ({ name: w.name, describe: w.describe, note: w.note ?? {} })),
      checks,
      failed: Object.fromEntries(failed),
      memory,
      results,
    };
    await writeResult(`run-${size}.json`, JSON.stringify(report, null, 2));
    process.stdout.write(`${await writeResult(`run-${size}.md`, markdown(report))}\n`);
  } finally {
    for (const t of targets) t.child.kill('SIGTERM');
    if (!flags.has('keep-running')) await neo4j.stop();
  }
}

function readCommit(): string | null {
  try {
    const head = readFileSync(path.join(PROJECT_ROOT, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    return readFileSync(path.join(PROJECT_ROOT, '.git', head.slice(5)), 'utf8').trim();
  } catch {
    return null;
  }
}

function markdown(r: any): string {
  const lines: string[] = [];
  lines.push(
    `Size ${r.size}; ${r.date}; commit ${String(r.commit).slice(0, 12)}; \`${r.command}\``,
  );
  lines.push(
    `${r.settings.rounds} interleaved rounds of ${r.settings.duration} s per cell (median of rounds), ${r.settings.warmup} s warm-up, ` +
      `${r.settings.settle ?? 0} s unmeasured before each cell of a fast question; ` +
      `${r.machine.cpus} cores shared with Neo4j (heap ${r.neo4j.heap}, page cache ${r.neo4j.pagecache}); ` +
      `1-minute load average after each round: ${(r.loadAverageAfterRounds as number[]).join(', ')}.`,
  );
  lines.push('');
  lines.push(
    '| workload | c | R p50 / p99 ms | O p50 / p99 ms | N p50 / p99 ms | R / O / N req/s | O/R p50 | O/R p99 | O/R req/s | O/N p50 | O/N p99 | O/N req/s | errors |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const x of r.results) {
    const f = (s: Sample | undefined) => (s ? `${s.p50} / ${s.p99}` : '-');
    const rps = (s: Sample | undefined) => (s ? s.rps.toFixed(1) : '-');
    lines.push(
      `| ${x.workload} | ${x.concurrency} | ${f(x.R)} | ${f(x.O)} | ${f(x.N)} | ${rps(x.R)} / ${rps(x.O)} / ${rps(x.N)} | ` +
        `${ratio(x.O?.p50, x.R?.p50)} | ${ratio(x.O?.p99, x.R?.p99)} | ${ratio(x.O?.rps, x.R?.rps)} | ` +
        `${ratio(x.O?.p50, x.N?.p50)} | ${ratio(x.O?.p99, x.N?.p99)} | ${ratio(x.O?.rps, x.N?.rps)} | ` +
        `${['R', 'O', 'N'].map((t) => x[t]?.errors ?? '-').join('/')} |`,
    );
  }
  lines.push('');
  lines.push(
    'CPU ms per request (median of rounds; /proc utime+stime, 10 ms ticks): the target process, then Neo4j on its behalf.',
  );
  lines.push('');
  lines.push(
    '| workload | c | R process / Neo4j | O process / Neo4j | N process / Neo4j | O/R process | O/R Neo4j | O/N process | O/N Neo4j |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const x of r.results) {
    const f = (s: Sample | undefined) => (s ? `${s.cpu} / ${s.neo4jCpu}` : '-');
    lines.push(
      `| ${x.workload} | ${x.concurrency} | ${f(x.R)} | ${f(x.O)} | ${f(x.N)} | ${ratio(x.O?.cpu, x.R?.cpu)} | ${ratio(x.O?.neo4jCpu, x.R?.neo4jCpu)} | ` +
        `${ratio(x.O?.cpu, x.N?.cpu)} | ${ratio(x.O?.neo4jCpu, x.N?.neo4jCpu)} |`,
    );
  }
  lines.push('');
  lines.push(
    '| workload | x-cypher-queries (O) | answers agree with O | response bytes R / O / N |',
  );
  lines.push('|---|---|---|---|');
  for (const c of r.checks as Check[]) {
    const agree = (['R', 'N'] as TargetName[])
      .map((t) => `${t}: ${c.agree[t] ? 'yes' : `NO (${c.differences[t] ?? 'not run'})`}`)
      .join('; ');
    lines.push(
      `| ${c.workload} | ${c.cypherQueries} | ${agree} | ${c.bytes.R ?? '-'} / ${c.bytes.O ?? '-'} / ${c.bytes.N ?? '-'} |`,
    );
  }
  for (const [pair, why] of Object.entries((r.failed ?? {}) as Record<string, string>))
    lines.push(`\nNot timed: ${pair.replace('|', ' on ')}: ${why.slice(0, 300)}`);
  lines.push('');
  lines.push(
    `Peak RSS (VmHWM): ${Object.entries(r.memory as Record<string, { peakMiB: number } | null>)
      .map(([t, m]) => `${t} ${m ? `${m.peakMiB} MiB` : 'n/a'}`)
      .join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
