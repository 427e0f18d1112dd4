/**
 * `npm start`: reach Neo4j (starting the local one when no NEO4J_URI is set), apply
 * migrations, seed the curated data into an empty graph, serve the API.
 * SIGTERM or Ctrl-C stops the API and the Neo4j it started.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { startApi } from '../api/server';
import { ingestFiles, isGraphEmpty } from '../graph/ingest-files';
import { openRuntime, runMain } from './runtime';

runMain(async () => {
  const runtime = await openRuntime({ migrate: true });
  const { config, logger, db } = runtime;
  if (config.SEED_ON_EMPTY && (await isGraphEmpty(db))) {
    const report = await ingestFiles(db, [path.join(PROJECT_ROOT, 'seeds')]);
    logger.info({ counts: report.counts }, 'seeded the empty graph with the curated data');
  }
  const api = await startApi({
    db,
    logger,
    publicReads: config.PUBLIC_READS,
    limits: {
      maxTokens: config.MAX_QUERY_TOKENS,
      maxDepth: config.MAX_QUERY_DEPTH,
      maxAliases: config.MAX_QUERY_ALIASES,
      maxCost: config.MAX_QUERY_COST,
      maxBodyBytes: config.MAX_BODY_BYTES,
      perKey: config.RATE_LIMIT_PER_KEY,
      anonymous: config.RATE_LIMIT_ANONYMOUS,
      corsOrigins: config.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      introspection: config.INTROSPECTION ?? config.NODE_ENV !== 'production',
      explorer: config.EXPLORER ?? config.NODE_ENV !== 'production',
    },
    port: config.PORT,
    host: config.HOST,
    development: config.NODE_ENV !== 'production',
    webhooks: { allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE },
  });
  process.stdout.write(
    `GDPR rights graph API ready at ${api.url} (explorer: ${api.url.replace(/graphql$/, 'explorer')})\n`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    void (async () => {
      try {
        await api.close();
      } finally {
        await runtime.shutdown();
        process.exit(0);
      }
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
});
