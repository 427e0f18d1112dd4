/**
 * `npm start`: reach Neo4j (starting the local one when no NEO4J_URI is set) and Redis (when
 * REDIS_URL is set), apply migrations, seed the curated data into an empty graph, serve the API.
 * SIGTERM or Ctrl-C drains the API (no new connections, requests under way finish within
 * SHUTDOWN_TIMEOUT_MS, sockets close), then stops the Neo4j it started.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { startApi } from '../api/server';
import { ingestFiles, isGraphEmpty } from '../graph/ingest-files';
import { openRuntime, runMain } from './runtime';

/** Time allowed after SHUTDOWN_TIMEOUT_MS to close what is left before the process exits anyway. */
const STOP_MARGIN_MS = 5000;

runMain(async () => {
  const runtime = await openRuntime({ migrate: true });
  const { config, logger, db } = runtime;
  if (config.SEED_ON_EMPTY && (await isGraphEmpty(db))) {
    const report = await ingestFiles(db, [path.join(PROJECT_ROOT, 'seeds')]);
    logger.info({ counts: report.counts }, 'seeded the empty graph with the curated data');
  }
  const api = await startApi({
    db,
    redis: config.REDIS_URL ? { url: config.REDIS_URL, prefix: config.REDIS_PREFIX } : undefined,
    metricsToken: config.METRICS_TOKEN,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
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
      trustProxyHops: config.TRUST_PROXY_HOPS,
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
  }).catch(async (error: unknown) => {
    await runtime.shutdown();
    throw error;
  });
  process.stdout.write(
    `GDPR rights graph API ready at ${api.url} (explorer: ${api.url.replace(/graphql$/, 'explorer')})\n`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = config.SHUTDOWN_TIMEOUT_MS;
    logger.info(
      { signal, timeoutMs },
      'draining: no new connections, finishing requests under way',
    );
    // Past the drain's own bound, what is left (webhook attempts under way, Redis) gets a few
    // seconds; then the process exits whatever hangs, so that an orchestrator never waits long.
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'the API did not stop in time; exiting');
      process.exit(1);
    }, timeoutMs + STOP_MARGIN_MS);
    void (async () => {
      let code = 0;
      try {
        await api.close();
        logger.info('drained');
      } catch (error) {
        code = 1;
        logger.error({ err: error }, 'the API did not stop cleanly');
      } finally {
        // Stopping a local Neo4j (development) has its own bound, and must not be cut short:
        // it would leave the Neo4j behind. Otherwise the deadline covers closing the driver too.
        if (runtime.local) clearTimeout(deadline);
        await runtime.shutdown();
        clearTimeout(deadline);
        process.exit(code);
      }
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
});
