/**
 * `npm run export -- --format jsonld|csv [--as-of YYYY-MM-DD] [--out file]`: the graph as
 * JSON-LD, or the rights matrix as CSV, without starting the HTTP API. The CSV runs the
 * API's own query through its schema, as the local operator (see src/api/export).
 */
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
    const chunks = await runExport(command, {
      db: runtime.db,
      executor: () => operatorExecutor(runtime.db, runtime.logger),
    });
    // Streamed to the file or standard output as it is read, a batch in memory at a time.
    let bytes = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const target = command.out ? createWriteStream(command.out) : process.stdout;
    await pipeline(Readable.from(chunks), counting, target, { end: command.out !== undefined });
    if (command.out) {
      process.stderr.write(`wrote ${command.format} (${bytes} bytes) to ${command.out}\n`);
    }
  } finally {
    await runtime.shutdown();
  }
});
