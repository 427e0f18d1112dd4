/**
 * `npm run export -- --format jsonld|csv [--as-of YYYY-MM-DD] [--out file]`: the graph as
 * JSON-LD, or the rights matrix as CSV, without starting the HTTP API. The CSV runs the
 * API's own query through its schema, as the local operator (see src/api/export).
 */
import { writeFileSync } from 'node:fs';
import { EXPORT_USAGE, operatorExecutor, parseExportArgs, runExport } from '../api/export';
import { openRuntime, runMain } from './runtime';

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return;
  }
  const command = parseExportArgs(process.argv.slice(2));
  const runtime = await openRuntime({ migrate: false, quietLogs: true });
  try {
    const content = await runExport(command, {
      db: runtime.db,
      executor: () => operatorExecutor(runtime.db, runtime.logger),
    });
    if (command.out) {
      writeFileSync(command.out, content);
      process.stderr.write(
        `wrote ${command.format} (${Buffer.byteLength(content)} bytes) to ${command.out}\n`,
      );
    } else {
      process.stdout.write(content);
    }
  } finally {
    await runtime.shutdown();
  }
});
