/**
 * `npm run seed:check -- [files or folders]` (default: seeds/): validates seed files without
 * a database. Every reference must be defined in the files given; lists every problem.
 */
import path from 'node:path';
import { formatProblems } from '../errors';
import { checkBundleFiles } from '../graph/check-files';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = args.length > 0 ? args.map((p) => path.resolve(p)) : [path.resolve('seeds')];
  const result = await checkBundleFiles(paths);
  for (const w of result.warnings)
    process.stdout.write(`warning: ${w.file ?? ''}: ${w.path}: ${w.message}\n`);
  if (!result.ok) {
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const counts = Object.entries(result.counts)
    .map(([section, n]) => `${section} ${n}`)
    .join(', ');
  process.stdout.write(`valid: ${counts}\n`);
}

void main();
