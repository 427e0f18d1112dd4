/**
 * `npm run bench -- [--size large[,xlarge]] [--rounds 3] [--duration 5] [--warmup 3] [--settle 1]
 *   [--concurrency 1,4] [--only name,name] [--targets R,O,N] [--max-minutes 40] [--keep-running]
 *   [--check-only] [--label fast]`
 *
 * Starts the bench Neo4j of that size (load it first with `npm run -s bench:generate`), the
 * three targets as child processes on the same data and driver settings (bench/serve.ts),
 * walks the cursors of the page-N workloads, checks that the answers agree, records the API's
 * x-cypher-queries per workload (against what it should send), warms up, then measures every
 * workload x concurrency x target that can answer it with autocannon in interleaved
 * rounds and keeps the median of the rounds. Each measured cell of a fast question follows
 * `settle` seconds of the same requests, unmeasured: the garbage a previous cell's 0.8 s
 * question left in Neo4j and the target is collected there, not in a 2 ms question's window.
 * Writes bench/results/run-<size>[-<label>].json and .md, and stops what it
 * started. Several sizes (`--size large,xlarge`) are measured one after the other in the same
 * run (each within --max-minutes), then compared in bench/results/sizes-<a>-<b>.md.
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
  type SizeName,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { ask, prepareContext } from './context';
import { measure, median, memoryOf, type Sample, spawnTarget, type Target } from './targets';
import {
  TARGETS,
  type TargetName,
  type Workload,
  type WorkloadContext,
  WORKLOADS,
} from './workloads';

interface Check {
  workload: string;
  agree: Record<TargetName, boolean>;
  differences: Partial<Record<TargetName, string>>;
  tokens: number;
  bytes: Partial<Record<TargetName, number>>;
  /** The time of a warm answer (the fastest of the second and third, unless the first took over 2 s). */
  firstMs: Partial<Record<TargetName, number>>;
  cypherQueries: string | null;
  /** What O should have sent, when its header says otherwise. */
  cypherQueriesExpected?: number;
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
    let answer = await ask(t, workload.request(t.name, ctx));
    // The first answer pays for planning and a cold target: the fastest of two more (this
    // time decides whether the question is measured by time or by count). The findings rules
    // take seconds to plan on a Neo4j just started, and the next ask took 5 s too in run s17
    // (payment and all, at large): judged by their first answer, or by the second, they were
    // measured by count, 8 answers a cell, though a warm answer takes milliseconds.
    let warmMs = answer.ms;
    for (let i = 0; i < 2 && answer.status === 200; i++) {
      answer = await ask(t, workload.request(t.name, ctx));
      warmMs = i === 0 ? answer.ms : Math.min(warmMs, answer.ms);
    }
    result.bytes[t.name] = answer.bytes;
    result.firstMs[t.name] = Math.round(warmMs);
    if (t.name === 'O') {
      result.cypherQueries = answer.cypherQueries;
      const expected = workload.cypherQueries ?? 1;
      if (answer.cypherQueries !== String(expected)) result.cypherQueriesExpected = expected;
    }
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

/** "agrees", "n/a (why)" for a target that cannot answer, or "DIFFERS (first difference)". */
function agreement(c: Check, t: TargetName): string {
  const why = c.differences[t];
  if (c.agree[t]) return 'agrees';
  return why?.startsWith('not answered')
    ? `n/a (${why.slice('not answered: '.length)})`
    : `DIFFERS (${why ?? 'not run'})`;
}

/** A cell whose every request failed has a null p50: no ratio, as for a target not run. */
const ratio = (a: number | null | undefined, b: number | null | undefined): string =>
  a == null || b == null || b === 0 ? 'n/a' : (a / b).toFixed(2);

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const sizes = (flags.get('size') ?? 'large').split(',');
  for (const size of sizes)
    if (!isSizeName(size))
      throw new Error(`--size must be one or more of ${Object.keys(SIZES).join(', ')}`);
  for (const size of sizes)
    if (!existsSync(dataDirFor(size)))
      throw new Error(
        `no ${size} graph at ${dataDirFor(size)}: run npm run -s bench:generate -- --size ${size} first`,
      );
  const reports: Report[] = [];
  for (const size of sizes as SizeName[]) {
    const report = await runSize(size, flags);
    if (report) reports.push(report);
  }
  if (reports.length > 1) {
    const name = `sizes-${reports.map((r) => r.size).join('-')}${suffix(flags)}.md`;
    process.stdout.write(`${await writeResult(name, sizesMarkdown(reports))}\n`);
  }
}

export type Report = {
  date: string;
  command: string;
  size: SizeName;
  memory: Record<string, { peakMiB: number; rssMiB: number } | null>;
  listTotals: unknown;
  results: ({ workload: string; concurrency: number } & Partial<Record<TargetName, Sample>>)[];
};

/**
 * Sizes measured in one run, side by side: each workload's p50 at the larger size over its p50
 * at the first (issue 20: a paged question's page 1 at xlarge within 1.5x large), and the
 * targets' peak resident memory.
 */
export function sizesMarkdown(reports: Report[]): string {
  const [base, ...rest] = reports;
  const lines = [
    `# Sizes in one run: ${reports.map((r) => r.size).join(', ')}`,
    '',
    `\`${base!.command}\`, ${base!.date} to ${reports[reports.length - 1]!.date}.`,
    '',
    'p50 in ms at concurrency 1, each size, and the ratio to the first size.',
    '',
    `| workload | target | ${reports.map((r) => r.size).join(' | ')} | ${rest.map((r) => `${r.size}/${base!.size}`).join(' | ')} |`,
    `| --- | --- | ${reports.map(() => '---').join(' | ')} | ${rest.map(() => '---').join(' | ')} |`,
  ];
  for (const row of base!.results.filter((r) => r.concurrency === 1)) {
    for (const t of TARGETS) {
      const p50s = reports.map(
        (r) => r.results.find((x) => x.workload === row.workload && x.concurrency === 1)?.[t]?.p50,
      );
      if (p50s.every((p) => p == null)) continue;
      lines.push(
        `| ${row.workload} | ${t} | ${p50s.map((p) => (p == null ? 'n/a' : p.toFixed(1))).join(' | ')} | ${p50s
          .slice(1)
          .map((p) => ratio(p, p50s[0]))
          .join(' | ')} |`,
      );
    }
  }
  lines.push(
    '',
    'Peak resident memory of each target (VmHWM, MiB), and the ratio to the first size.',
    '',
  );
  lines.push(
    `| target | ${reports.map((r) => r.size).join(' | ')} | ${rest.map((r) => `${r.size}/${base!.size}`).join(' | ')} |`,
  );
  lines.push(
    `| --- | ${reports.map(() => '---').join(' | ')} | ${rest.map(() => '---').join(' | ')} |`,
  );
  for (const t of TARGETS) {
    const peaks = reports.map((r) => r.memory[t]?.peakMiB);
    if (peaks.every((p) => p === undefined)) continue;
    lines.push(
      `| ${t} | ${peaks.map((p) => p ?? 'n/a').join(' | ')} | ${peaks
        .slice(1)
        .map((p) => ratio(p, peaks[0]))
        .join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs of a subset of the workloads (`--label fast`) are kept beside the full run, not over it. */
const suffix = (flags: Map<string, string>) => (flags.has('label') ? `-${flags.get('label')}` : '');

async function runSize(size: SizeName, flags: Map<string, string>): Promise<Report | null> {
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

  const sizing = sizingFor(SIZES[size]);
  const neo4j = await startBenchNeo4j(size, sizing, { log });
  const targets: Target[] = [];
  try {
    for (const name of targetNames) targets.push(await spawnTarget(name, neo4j.uri));
    log(`targets: ${targets.map((t) => `${t.name} ${t.url} (pid ${t.child.pid})`).join(', ')}`);

    // Page N of a list is after N - 1 pages of 20 (each target walks its own cursors); on
    // smaller graphs, the last page. Targets that cannot answer a question are not asked.
    const prepared = await prepareContext(
      targets,
      workloads.map((w) => w.name),
      log,
    );
    const ctx: WorkloadContext = prepared.ctx;
    /** Workload|target pairs that failed the check or cannot answer: reported, not timed. */
    const failed = prepared.failed;
    for (const w of workloads)
      for (const t of targets) {
        const why = w.unsupported?.[t.name];
        if (why) failed.set(`${w.name}|${t.name}`, `not answered: ${t.name} ${why}`);
      }

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
        `check ${w.name}: ${c.tokens} tokens, x-cypher-queries ${c.cypherQueries}` +
          `${c.cypherQueriesExpected ? ` (EXPECTED ${c.cypherQueriesExpected})` : ''}, ` +
          targets.map((t) => `${t.name} ${agreement(c, t.name)}`).join(', '),
      );
    }

    if (flags.has('check-only')) {
      const differing = checks.filter((c) =>
        targets.some((t) => !c.agree[t.name] && !c.differences[t.name]?.startsWith('not answered')),
      );
      log(`answers checked: ${differing.length} workload(s) with a differing or failing target`);
      if (differing.length > 0) process.exitCode = 1;
      return null;
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
      pages: ctx.pages,
      listTotals: prepared.totals,
      workloads: workloads.map((w) => ({ name: w.name, describe: w.describe, note: w.note ?? {} })),
      checks,
      failed: Object.fromEntries(failed),
      memory,
      results,
    };
    const name = `run-${size}${suffix(flags)}`;
    await writeResult(`${name}.json`, JSON.stringify(report, null, 2));
    process.stdout.write(`${await writeResult(`${name}.md`, markdown(report))}\n`);
    return report;
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

/**
 * A median of an even number of rounds is a mean of two: 103.05000000000001 prints 103.05. A
 * cell whose every request failed has no time: '-'.
 */
const ms = (x: number | null): number | string => (x === null ? '-' : Math.round(x * 100) / 100);

export function markdown(r: any): string {
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
    const f = (s: Sample | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p99)}` : '-');
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
    const f = (s: Sample | undefined) => (s ? `${ms(s.cpu)} / ${ms(s.neo4jCpu)}` : '-');
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
      .map((t) => {
        const a = agreement(c, t);
        return `${t}: ${a === 'agrees' ? 'yes' : a.startsWith('n/a') ? 'n/a' : a.replace('DIFFERS', 'NO')}`;
      })
      .join('; ');
    const queries = `${c.cypherQueries}${c.cypherQueriesExpected ? ` (expected ${c.cypherQueriesExpected})` : ''}`;
    lines.push(
      `| ${c.workload} | ${queries} | ${agree} | ${c.bytes.R ?? '-'} / ${c.bytes.O ?? '-'} / ${c.bytes.N ?? '-'} |`,
    );
  }
  const failed = Object.entries((r.failed ?? {}) as Record<string, string>);
  const cannot = failed.filter(([, why]) => why.startsWith('not answered'));
  if (cannot.length > 0)
    lines.push(
      '',
      `Not asked (the target cannot express the question): ${cannot.map(([pair]) => pair.replace('|', ' on ')).join('; ')}.`,
    );
  for (const [pair, why] of failed.filter(([, w]) => !w.startsWith('not answered')))
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
