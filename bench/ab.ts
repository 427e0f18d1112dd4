/**
 * `npm run -s bench:ab -- --workload "incidents p1[,incidents p500...]" --variants R,O,before=O@<serve.js>
 *   [--size large] [--rounds 12] [--duration 4] [--concurrency 1]`
 *
 * An interleaved A/B of a few variants on one workload or more, for attributing a change that
 * the full run's ratios are too coarse (or too noisy) to show. A variant is
 * `[label=]T[:option][@path]`: a target (R, O or N) served by this build's serve.js, or by
 * another build's (`@path`: a worktree of an older commit built with `npm run -s bench:build`,
 * its `dist/bench/bench/serve.js`), with serve.js options (`O:noshaped`: the API without its
 * shaped-answer plugin; `O:nokept`: without kept answers). Every round asks each workload of each variant in turn; the report
 * gives the medians over rounds of p50 and the CPU per request of each variant's process and of
 * Neo4j, and how the API answered (`x-graphql-execution`), in
 * bench/results/v2/ab-<size>-<workloads>.md. With several workloads (page 1 and page N of a
 * list, say), each row also gives its p50 over the first workload's, round by round, for the
 * same variant: the machine's drift between rounds cancels. Page-N workloads walk each
 * target's cursors first (variants of one target share them).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  commandLine,
  dataDirFor,
  isSizeName,
  log,
  parseFlags,
  RESULTS_DIR,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { ask, prepareContext } from './context';
import {
  measure,
  median,
  type Sample,
  spawnTarget,
  type Target,
  TARGET_OPTIONS,
  type TargetOption,
} from './targets';
import { TARGETS, type TargetName, type Workload, WORKLOADS } from './workloads';

interface Variant {
  label: string;
  target: TargetName;
  options: TargetOption[];
  serveJs?: string;
}

/** `R`, `O`, `Ojs=O:noshaped`, `Rtx=R:managed`, `before=O@/path/to/serve.js`. */
export function parseVariant(spec: string): Variant {
  const [label, rest] = spec.includes('=') ? spec.split('=', 2) : [spec, spec];
  const [targetSpec, serveJs] = rest!.split('@', 2) as [string, string | undefined];
  const [target, ...options] = targetSpec.split(':');
  if (!TARGETS.includes(target as TargetName))
    throw new Error(`variant "${spec}": the target must be one of ${TARGETS.join(', ')}`);
  const unknown = options.filter((o) => !(TARGET_OPTIONS as readonly string[]).includes(o));
  if (unknown.length > 0)
    throw new Error(
      `variant "${spec}": unknown option ${unknown.join(', ')} (options: ${TARGET_OPTIONS.join(', ')})`,
    );
  if (serveJs !== undefined && !existsSync(serveJs))
    throw new Error(`variant "${spec}": no serve.js at ${serveJs}`);
  return {
    label: label!,
    target: target as TargetName,
    options: options as TargetOption[],
    serveJs,
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const workloads = (flags.get('workload') ?? '').split(',').map((name) => {
    const workload = WORKLOADS.find((w) => w.name === name.trim());
    if (!workload)
      throw new Error(
        `--workload: "${name}" is not one of ${WORKLOADS.map((w) => `"${w.name}"`).join(', ')}`,
      );
    return workload;
  });
  const variants = (flags.get('variants') ?? 'R,O').split(',').map(parseVariant);
  for (const v of variants)
    for (const workload of workloads) {
      const why = workload.unsupported?.[v.target];
      if (why) throw new Error(`${v.target} cannot answer ${workload.name}: ${why}`);
    }
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
        target: await spawnTarget(variant.target, neo4j.uri, variant.serveJs, variant.options),
      });
    const { ctx, failed } = await prepareContext(
      started.map((s) => s.target),
      workloads.map((w) => w.name),
      log,
    );
    if (failed.size > 0) throw new Error([...failed.values()].join('; '));
    /** Results are kept by workload and variant. */
    const keyOf = (workload: Workload, variant: Variant): string =>
      `${workload.name}|${variant.label}`;
    /** How each variant answered each workload. */
    const how = new Map<string, string>();
    const expected = new Map<string, number>();
    for (const workload of workloads) {
      const firstMs = new Map<string, number>();
      let reference: string | undefined;
      for (const { variant, target } of started) {
        let answer = await ask(target, workload.request(target.name, ctx));
        // Time warm answers: the fastest variant decides whether every variant's rounds run by
        // time or by count, the same way for all.
        for (let i = 0; i < 2 && answer.ms < 2000 && answer.status === 200; i++) {
          answer = await ask(target, workload.request(target.name, ctx));
          firstMs.set(variant.label, Math.min(firstMs.get(variant.label) ?? Infinity, answer.ms));
        }
        if (answer.status !== 200 || answer.body.errors)
          throw new Error(
            `${variant.label}, ${workload.name}: ${JSON.stringify(answer.body.errors ?? answer.status)}`,
          );
        const tokens = JSON.stringify(workload.normalise(target.name, answer.body.data));
        reference ??= tokens;
        if (!firstMs.has(variant.label)) firstMs.set(variant.label, answer.ms);
        how.set(
          keyOf(workload, variant),
          `${answer.bytes} bytes, ${tokens === reference ? 'same' : 'DIFFERENT'} tokens` +
            (answer.execution
              ? `, ${answer.execution}`
              : target.name === 'O'
                ? ', graphql-js (no plugin)'
                : ''),
        );
      }
      expected.set(workload.name, Math.min(...firstMs.values()));
    }
    for (const workload of workloads)
      for (const { target } of started)
        await measure(target, workload, ctx, connections, 2, expected.get(workload.name));
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads)
        for (const { variant, target } of started) {
          const sample = await measure(
            target,
            workload,
            ctx,
            connections,
            duration,
            expected.get(workload.name),
            neo4j.pid,
          );
          const key = keyOf(workload, variant);
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      log(`round ${round + 1}/${rounds} done`);
    }
    const command = commandLine('bench:ab', process.argv.slice(2));
    const several = workloads.length > 1;
    const first = workloads[0]!;
    const lines = [
      `${workloads.map((w) => w.name).join(', ')}, c=${connections}: ${rounds} interleaved rounds of ${duration} s; \`${command}\``,
      '',
      `| ${several ? 'workload | ' : ''}variant | p50 ms | ${several ? `p50 / ${first.name} | ` : ''}p99 ms | req/s | CPU ms per request (process / Neo4j) | answer | errors |`,
      `| ${several ? '-------- | ' : ''}------- | ------ | ${several ? '------ | ' : ''}------ | ----- | ------------------------------------ | ------ | ------ |`,
      ...workloads.flatMap((workload) =>
        started.map(({ variant }) => {
          const list = samples.get(keyOf(workload, variant)) ?? [];
          const base = samples.get(keyOf(first, variant)) ?? [];
          const of = (pick: (s: Sample) => number, digits = 1) =>
            median(list.map(pick)).toFixed(digits);
          // Round by round, so that a drift of the machine's speed between rounds cancels.
          const ratio = median(list.map((s, i) => s.p50 / base[i]!.p50)).toFixed(2);
          const spec = `${variant.target}${variant.options.map((o) => `:${o}`).join('')}`;
          return (
            `| ${several ? `${workload.name} | ` : ''}${variant.label}${variant.label === spec ? '' : ` (${spec})`} | ${of((s) => s.p50)} | ` +
            `${several ? `${ratio} | ` : ''}${of((s) => s.p99)} | ` +
            `${of((s) => s.rps)} | ${of((s) => s.cpu, 2)} / ${of((s) => s.neo4jCpu, 2)} | ` +
            `${how.get(keyOf(workload, variant))} | ${list.reduce((n, s) => n + s.errors, 0)} |`
          );
        }),
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const file = `ab-${size}-${workloads.map((w) => w.name.replace(/\W+/g, '-')).join('+')}.md`;
    await writeResult(file, `${lines.join('\n')}\n`);
    log(`written ${path.join(RESULTS_DIR, file)}`);
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
