/**
 * `npm run data:report -- [--as-of YYYY-MM-DD] [--json] [files or folders]` (default: seeds/):
 * the curated data's coverage and health. Exits non-zero when the files do not validate
 * (a broken reference), a fact has no source, or a company file was checked by nobody but its writer.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblems } from '../errors';
import { dataReport, formatDataReport, reviewOf } from '../graph/data-report';
import { loadBundleFiles } from '../graph/load-files';
import { validateBundles } from '../graph/validate';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const paths =
    positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : [path.resolve('seeds')];
  const { docs, problems } = loadBundleFiles(paths);
  const result = await validateBundles(docs);
  if (problems.length > 0 || !result.ok) {
    process.stderr.write(
      `${formatProblems([...problems, ...(result.ok ? [] : result.problems)])}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  const report = dataReport(
    result.value.bundle,
    asOf,
    docs.map((d) => reviewOf(d.file, d.data)),
  );
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatDataReport(report)}\n`,
  );
  if (report.unsourced.length > 0 || report.unchecked.length > 0) process.exitCode = 1;
}

void main();
