/**
 * `npm run -s bench:ab -- --workload "incidents p1" --variants R,O,before=O@<serve.js>
 *   [--size large] [--rounds 12] [--duration 4] [--concurrency 1]`
 *
 * An interleaved A/B of a few variants on one workload, for attributing a change that the full
 * run's ratios are too coarse (or too noisy) to show. A variant is a target (R, O or N) served
 * by this build's serve.js, or `name=T@path` by another build's: a worktree of an older commit
 * built with `npm run -s bench:build` (its `dist/bench/bench/serve.js`). Every round asks each
 * variant in turn; the report gives the medians over rounds of p50, mean latency and the CPU
 * per request of each variant's process. Workloads that need a walk to a cursor (page 500)
 * are the full run's (run.ts).
 */
import { existsSync } from 'node:fs';
import {
  commandLine,
  dataDirFor,
  isSizeName,
  log,
  parseFlags,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { measure, median, type Sample, spawnTarget, type Target } from './targets';
import { TARGETS, type TargetName, type WorkloadContext, WORKLOADS } from './workloads';

interface Variant {
  label: string;
  target: TargetName;
  serveJs?: string;
}

/** `R`, `O`, or `label=O@/path/to/serve.js`. */
function parseVariant(spec: string): Variant {
  const [label, rest] = spec.includes('=') ? spec.split('=', 2) : [spec, spec];
  const [target, serveJs] = rest!.split('@', 2) as [string, string | undefined];
  if (!TARGETS.includes(target as TargetName))
    throw new Error(`variant "${spec}": the target must be one of ${TARGETS.join(', ')}`);
  if (serveJs !== undefined && !existsSync(serveJs))
    throw new Error(`variant "${spec}": no serve.js at ${serveJs}`);
  return { label: label!, target: target as TargetName, serveJs };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const workload = WORKLOADS.find((w) => w.name === flags.get('workload'));
  if (!workload || workload.name === 'incidents p500')
    throw new Error(
      `--workload must be one of ${WORKLOADS.map((w) => `"${w.name}"`)
        .filter((n) => n !== '"incidents p500"')
        .join(', ')}`,
    );
  const variants = (flags.get('variants') ?? 'R,O').split(',').map(parseVariant);
  const rounds = Number(flags.get('rounds') ?? 12);
  const duration = Number(flags.get('duration') ?? 4);
  const connections = Number(flags.get('concurrency') ?? 1);
  if (!existsSync(dataDirFor(size)))
    throw new Error(`no ${size} graph: run npm run -s bench:generate -- --size ${size} first`);

  const neo4j = await startBenchNeo4j(size, sizingFor(SIZES[size]), { log });
  const started: { variant: Variant; target: Target }[] = [];
  try {
    for (const variant of variants)
      started.push({
        variant,
        target: await spawnTarget(variant.target, neo4j.uri, variant.serveJs),
      });
    const ctx: WorkloadContext = {
      page500: { R: null, O: null, N: null },
      page500Index: 500,
    };
    for (const { target } of started) await measure(target, workload, ctx, connections, 2);
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < rounds; round++) {
      for (const { variant, target } of started) {
        const sample = await measure(target, workload, ctx, connections, duration, 0, neo4j.pid);
        samples.set(variant.label, [...(samples.get(variant.label) ?? []), sample]);
      }
      log(`round ${round + 1}/${rounds} done`);
    }
    const command = commandLine('bench:ab', process.argv.slice(2));
    const lines = [
      `${workload.name}, c=${connections}: ${rounds} interleaved rounds of ${duration} s; \`${command}\``,
      '',
      '| variant | p50 ms | CPU ms per request (process / Neo4j) | errors |',
      '| ------- | ------ | ------------------------------------ | ------ |',
      ...started.map(({ variant }) => {
        const list = samples.get(variant.label) ?? [];
        const of = (pick: (s: Sample) => number) => median(list.map(pick));
        return `| ${variant.label} | ${of((s) => s.p50)} | ${of((s) => s.cpu)} / ${of((s) => s.neo4jCpu)} | ${list.reduce((n, s) => n + s.errors, 0)} |`;
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await writeResult(`ab-${size}.md`, `${lines.join('\n')}\n`);
    log(`written bench/results/ab-${size}.md`);
  } finally {
    for (const { target } of started) target.child.kill('SIGTERM');
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:ab failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
