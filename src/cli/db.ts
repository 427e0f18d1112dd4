/**
 * Local Neo4j control: `node dist/cli/db.js start|stop|status`.
 *
 * Env: NEO4J_LOCAL_PORT (default 7687), NEO4J_LOCAL_DATA (default <projectRoot>/.neo4j/data),
 * NEO4J_LOCAL_HEAP (JVM heap, default 1g).
 * Exit codes: 0 ok / running, 1 error, 2 usage, 3 not running (status).
 */
import * as path from 'node:path';

import {
  LocalNeo4jError,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../devtools/local-neo4j';

const EXIT_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_RUNNING = 3;

const USAGE = `usage: db <start|stop|status>
  start   start the local Neo4j in the background (no-op if already running), print its bolt URI
  stop    stop the local Neo4j started by \`start\`
  status  exit 0 if running, 3 if not
env: NEO4J_LOCAL_PORT (default 7687), NEO4J_LOCAL_DATA (default <repo>/.neo4j/data),
     NEO4J_LOCAL_HEAP (default 1g)`;

class UsageError extends Error {}

interface Settings {
  projectRoot: string;
  port: number;
  dataDir: string;
  heap: string | undefined;
}

function settings(): Settings {
  // dist/cli/db.js -> repo root
  const projectRoot = path.resolve(__dirname, '../..');
  const rawPort = process.env['NEO4J_LOCAL_PORT'];
  const port = rawPort === undefined || rawPort === '' ? 7687 : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`NEO4J_LOCAL_PORT must be a port number, got "${rawPort ?? ''}"`);
  }
  const rawData = process.env['NEO4J_LOCAL_DATA'];
  const dataDir =
    rawData === undefined || rawData === ''
      ? path.join(projectRoot, '.neo4j', 'data')
      : path.resolve(rawData);
  const rawHeap = process.env['NEO4J_LOCAL_HEAP'];
  const heap = rawHeap === undefined || rawHeap === '' ? undefined : rawHeap;
  return { projectRoot, port, dataDir, heap };
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (argv.length !== 1 || command === undefined) {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const s = settings();

  switch (command) {
    case 'start': {
      const handle = await startLocalNeo4j(
        {
          projectRoot: s.projectRoot,
          port: s.port,
          dataDir: s.dataDir,
          ...(s.heap === undefined ? {} : { heap: s.heap }),
        },
        (line) => console.error(`db: ${line}`),
      );
      if (!handle.startedHere) console.error(`db: Neo4j was already running (pid ${handle.pid})`);
      // stdout carries only the URI so scripts can capture it.
      console.log(handle.uri);
      return 0;
    }
    case 'stop': {
      const stopped = await stopLocalNeo4j({ dataDir: s.dataDir });
      console.log(
        stopped ? `Neo4j stopped (data ${s.dataDir})` : `Neo4j was not running (data ${s.dataDir})`,
      );
      return 0;
    }
    case 'status': {
      const status = await localNeo4jStatus({ dataDir: s.dataDir, port: s.port });
      if (status.running) {
        console.log(
          `Neo4j is running at ${status.uri} (pid ${status.pid ?? '?'}, data ${s.dataDir})`,
        );
        return 0;
      }
      if (status.pid !== undefined) {
        console.log(
          `Neo4j process ${status.pid} is alive but ${status.uri} is not accepting connections (starting or stuck)`,
        );
      } else {
        console.log(`Neo4j is not running (data ${s.dataDir}, ${status.uri})`);
      }
      return EXIT_NOT_RUNNING;
    }
    default:
      console.error(`db: unknown command "${command}"\n${USAGE}`);
      return EXIT_USAGE;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`db: ${err.message}`);
      process.exitCode = EXIT_USAGE;
    } else if (err instanceof LocalNeo4jError) {
      console.error(`db: error [${err.code}]: ${err.message}`);
      process.exitCode = EXIT_ERROR;
    } else {
      console.error('db: unexpected error:', err);
      process.exitCode = EXIT_ERROR;
    }
  },
);
