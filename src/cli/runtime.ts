/**
 * Shared start-up for the command-line entry points: read the configuration,
 * reach Neo4j (the given NEO4J_URI, or the project's own local Neo4j), apply migrations.
 */
import path from 'node:path';
import { type Config, createLogger, loadConfig, type Logger, PROJECT_ROOT } from '../config';
import { applyMigrations, Database } from '../db';
import { type LocalNeo4jHandle, startLocalNeo4j } from '../devtools/local-neo4j';

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  /** The local Neo4j this process started, to stop on exit; undefined when it uses NEO4J_URI or one already running. */
  local?: LocalNeo4jHandle;
  shutdown(): Promise<void>;
}

export async function openRuntime(
  options: { migrate?: boolean; quietLogs?: boolean } = {},
): Promise<Runtime> {
  const config = loadConfig();
  const logger = createLogger(options.quietLogs ? 'warn' : config.LOG_LEVEL);
  let uri = config.NEO4J_URI;
  let local: LocalNeo4jHandle | undefined;
  if (!uri) {
    const dataDir = config.NEO4J_LOCAL_DATA ?? path.join(PROJECT_ROOT, '.neo4j', 'data');
    local = await startLocalNeo4j(
      {
        port: config.NEO4J_LOCAL_PORT,
        dataDir,
        heap: config.NEO4J_LOCAL_HEAP,
        projectRoot: PROJECT_ROOT,
      },
      (line) => logger.info(line),
    );
    uri = local.uri;
    logger.info(
      { uri, startedHere: local.startedHere },
      local.startedHere ? 'started the local Neo4j' : 'using the local Neo4j already running',
    );
  }
  const db = new Database({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TIMEOUT_MS,
    keepAnswers: config.KEPT_ANSWERS,
  });
  if (options.migrate !== false) {
    const report = await applyMigrations(db);
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'applied migrations');
  }
  return {
    config,
    logger,
    db,
    local: local?.startedHere ? local : undefined,
    shutdown: async () => {
      await db.close();
      if (local?.startedHere) await local.stop();
    },
  };
}

/** Runs a command's main function, printing a readable error and setting the exit code. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const code =
      typeof error === 'object' && error !== null && 'code' in error
        ? ` [${String(error.code)}]`
        : '';
    process.stderr.write(
      `error${code}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
