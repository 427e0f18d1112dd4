/**
 * `npm run seed -- [--dry-run] [--batched] [files or folders]` (default: seeds/).
 * Validates every file first; on any problem it lists them all and writes nothing. The write
 * is one transaction (all or nothing) unless --batched.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../config';
import { formatProblems, ValidationError } from '../errors';
import type { IngestReport } from '../graph';
import { openRuntime, runMain } from './runtime';
import { ingestFiles } from '../graph/ingest-files';

export function formatReport(report: IngestReport, seconds: number): string {
  const lines = Object.entries(report.counts).map(
    ([label, c]) =>
      `  ${label.padEnd(14)} created ${String(c.created).padStart(7)}  updated ${String(c.updated).padStart(7)}  unchanged ${String(c.unchanged).padStart(7)}`,
  );
  const rows = Object.values(report.counts).reduce(
    (n, c) => n + c.created + c.updated + c.unchanged,
    0,
  );
  const head = report.dryRun
    ? 'dry run: nothing was written; this is what a seed would do'
    : 'seeded';
  const rate = seconds > 0 ? `, ${Math.round(rows / seconds)} entities/s` : '';
  const warnings = report.warnings.map(
    (w) => `  warning: ${w.file ?? ''}: ${w.path}: ${w.message}`,
  );
  return [
    `${head} (${rows} entities in ${seconds.toFixed(1)} s${rate})`,
    ...lines,
    ...warnings,
  ].join('\n');
}

runMain(async () => {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      // Bulk loads too large for one transaction: one per batch, not all or nothing (re-run to complete).
      batched: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const paths =
    positionals.length > 0
      ? positionals.map((p) => path.resolve(p))
      : [path.join(PROJECT_ROOT, 'seeds')];
  const runtime = await openRuntime({ migrate: true, quietLogs: true });
  const started = Date.now();
  let lastShown = Date.now();
  try {
    const report = await ingestFiles(runtime.db, paths, {
      dryRun: values['dry-run'],
      batched: values.batched,
      onProgress: (p) => {
        if (values.quiet || Date.now() - lastShown < 1000) return;
        lastShown = Date.now();
        process.stderr.write(`  ${p.label} ${p.phase}: ${p.done}/${p.total}\n`);
      },
    });
    process.stdout.write(`${formatReport(report, (Date.now() - started) / 1000)}\n`);
  } catch (error) {
    if (error instanceof ValidationError) {
      // Every problem, not the API's bounded list: a curator fixes the files in one go.
      process.stderr.write(`nothing was written: ${formatProblems(error.problems)}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await runtime.shutdown();
  }
});
