/**
 * The HTTP face: Apollo Server at /graphql (graphql-endpoint.ts), graphql-ws on the same path
 * (limits/websocket-gate.ts), Express for the explorer, dashboard, exports, health endpoints
 * and metrics. Every door is under the same rules: one rate limit (before authentication), one
 * admission check, the same query limits and the same error masking. Resolvers reach Neo4j
 * only through the db layer.
 *
 * The API keeps no state a replica must share except in Redis (`redis`): rate-limit counters,
 * the subscriptions' events and key revocations. Without it, the same live in this process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { BookmarkManager } from 'neo4j-driver';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../config';
import { dashboardRouter } from '../dashboard';
import { checkReadiness, type Database, type Dependency, QueryTally } from '../db';
import {
  connectRedis,
  type RedisLink,
  type RedisSettings,
  redisBusConnection,
  redisEventTarget,
  redisListeners,
} from '../redis';
import { admission, authPlugin } from './auth/auth.plugin';
import { Authenticator, type Caller } from './auth/authenticate';
import { type KeyRevocations, localRevocations, redisRevocations } from './auth/revocations';
import type { ApiContext } from './context';
import { createEvents, type Events } from './events';
import { explorerForBrowsers, explorerRouter } from './explorer/explorer';
import { apolloExecutor, exportRouter } from './export';
import { errorLogPlugin, formatError } from './format-error';
import {
  graphqlEndpoint,
  requestIdFor,
  requestIdOf,
  sendJson,
  type Step,
} from './graphql-endpoint';
import { answerBodyError, corsGuard, type GuardSettings, jsonBody } from './limits/http-guards';
import { queryLimitsPlugin, type QueryLimits, validationRules } from './limits/query-limits';
import { createRateLimit } from './limits/rate-limit';
import { webSocketGate } from './limits/websocket-gate';
import { ApiMetrics, metricsPlugin, metricsRoute } from './metrics';
import { queryCountPlugin } from './query-count.plugin';
import { buildApiSchema } from './schema';
import { byResponseKey } from './translate/answered';
import { reuseFetchedRootAnswers, shapedAnswerPlugin } from './shaped-answer.plugin';
// Notifications out: webhook deliveries of the write events, and the Atom feeds.
import { feedRouter } from './feeds';
import { startWebhookDispatcher, type WebhookSettings } from './webhooks';

export interface ApiOptions {
  db: Database;
  logger: Logger;
  port: number;
  host: string;
  /** Development mode shows error details; production hides them. */
  development: boolean;
  /** Whether anonymous callers may read (mutations always need a curator key). */
  publicReads?: boolean;
  /** Limits and guards; the defaults suit a public deployment. */
  limits?: Partial<ApiLimits>;
  /**
   * Send complete compiled answers without graphql-js's execution walk (shaped-answer.plugin.ts).
   * On by default; off only to compare the two paths.
   */
  shapedAnswers?: boolean;
  /** Webhook deliveries: attempts, backoff, time-out, private addresses (src/api/webhooks). */
  webhooks?: Partial<WebhookSettings>;
  /**
   * Redis, shared by the replicas behind a load balancer (REDIS_URL): rate-limit counters,
   * subscription events, key revocations. Without it, they live in this process's memory.
   */
  redis?: RedisSettings;
  /** The bearer token /metrics asks for; without one it answers loopback callers only. */
  metricsToken?: string;
  /**
   * On close: how long requests under way may take to finish before their connections are
   * cut (SHUTDOWN_TIMEOUT_MS). New connections are refused from the start of the close.
   */
  shutdownTimeoutMs?: number;
}

export interface ApiLimits extends QueryLimits, GuardSettings {
  /** Request bodies, and WebSocket messages. */
  maxBodyBytes: number;
  introspection: boolean;
  explorer: boolean;
  /** How often the keys of open WebSocket connections are checked for revocation. */
  keyRecheckMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxTokens: 3000,
  maxDepth: 8,
  maxIntrospectionDepth: 20,
  maxAliases: 15,
  maxCost: 500_000,
  maxBodyBytes: 2_000_000,
  perKey: 1200,
  anonymous: 300,
  corsOrigins: [],
  trustProxyHops: 0,
  introspection: true,
  explorer: true,
  keyRecheckMs: 2000,
};

const GRAPHQL_PATH = '/graphql';

export interface RunningApi {
  url: string;
  port: number;
  /**
   * Drains and stops: /readyz answers 503 at once, new connections are refused, requests under
   * way finish (cut after `shutdownTimeoutMs`), sockets close, then Redis connections.
   */
  close(): Promise<void>;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const redis = options.redis ? await connectRedis(options.redis, options.logger) : null;
  try {
    return await serve(options, redis);
  } catch (error) {
    await redis?.close();
    throw error;
  }
}

async function serve(options: ApiOptions, redis: RedisLink | null): Promise<RunningApi> {
  const { db, logger } = options;
  const publicReads = options.publicReads ?? true;
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = new ApiMetrics();
  const channels = `${redis?.prefix ?? ''}events:`;
  const events: Events = redis
    ? createEvents(
        redisEventTarget(redis, logger, channels),
        (topic) => redisListeners(redis, channels + topic),
        redisBusConnection(redis),
      )
    : createEvents();
  const schema = await buildApiSchema(events);
  const shapedAnswers = options.shapedAnswers ?? true;
  if (shapedAnswers) reuseFetchedRootAnswers(schema);
  const authenticator = new Authenticator();
  const revocations: KeyRevocations = redis
    ? await redisRevocations(redis, logger)
    : localRevocations();
  revocations.onRevoked((keyId) => authenticator.revoked([keyId]));
  const dependencies: Dependency[] = redis ? [{ name: 'Redis', ping: () => redis.ping() }] : [];
  const rateLimit = createRateLimit(
    limits,
    (authorization) => authenticator.verifiedKeyId(authorization),
    logger,
    { redis: redis ?? undefined, onStoreError: () => metrics.rateLimitStoreFailed() },
  );
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST responses: an ETag would hash every body (~0.2 ms of 183 KB in bench/).
  app.set('etag', false);
  // Requests are dispatched below, once Apollo has started: /graphql to its endpoint, the rest to Express.
  const httpServer = http.createServer();

  /** Who presents an Authorization value; the key lookup counts among `queries`. */
  const identify = (authorization: string | undefined, queries: QueryTally): Promise<Caller> =>
    authenticator.caller(authorization, db.forRequest(queries));

  const contextFor = (
    caller: Caller,
    requestId: string,
    queries = new QueryTally(),
    bookmarks?: BookmarkManager,
  ): ApiContext => ({
    db: db.forRequest(queries, bookmarks),
    queries,
    requestId,
    logger: logger.child({ requestId }),
    principal: caller.principal,
    authError: caller.authError,
    publicReads,
    events,
  });

  // Subscriptions (graphql-ws) on the same path as queries, under the same rules.
  const ws = webSocketGate({
    server: httpServer,
    path: GRAPHQL_PATH,
    schema,
    limits,
    rateLimit,
    publicReads,
    development: options.development,
    identify: (authorization) => identify(authorization, new QueryTally()),
    contextFor: (caller, requestId) => contextFor(caller, requestId),
    authenticator,
    db,
    logger,
    keyRecheckMs: limits.keyRecheckMs,
    revocations,
    onOperation: (name, outcome) => metrics.operation('ws', name, outcome),
  });
  metrics.observe({
    webSockets: () => ws.connections(),
    neo4jSessions: () => db.sessionsInUse,
    keptAnswers: () => ({ ...db.kept.stats, size: db.kept.size }),
    keptPages: () => ({ ...db.kept.pageStats, size: db.kept.pages }),
  });

  const apollo = new ApolloServer<ApiContext>({
    schema,
    // Compiled answers are shaped by response key (alias or name): every field of a compiled
    // type reads its value so (translate/answered.ts); fields with arguments return the same.
    fieldResolver: byResponseKey,
    // The introspection switch is a validation rule shared with the WebSocket door.
    introspection: true,
    validationRules: validationRules(limits.introspection),
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatError(options.development),
    includeStacktraceInErrorResponses: options.development,
    // start.ts owns shutdown (API, driver, the Neo4j it started); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
      }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set; Apollo's default cache-control plugin would still wrap every
      // field's resolver (about 2 ms of a 183 KB answer in bench/).
      ApolloServerPluginCacheControlDisabled(),
      queryCountPlugin,
      metricsPlugin(metrics),
      errorLogPlugin,
      authPlugin,
      queryLimitsPlugin(limits),
      ...(shapedAnswers ? [shapedAnswerPlugin] : []),
      { serverWillStart: () => Promise.resolve({ drainServer: () => ws.dispose() }) },
    ],
  });
  await apollo.start();

  // Every Express route has a request id and counts against the rate limit too.
  app.use((req, res, next) => {
    res.setHeader('x-request-id', requestIdFor(req));
    next();
  });
  if (rateLimit) app.use(rateLimit.middleware);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    // A load balancer stops sending new requests to a replica that is shutting down.
    const readiness = draining
      ? { ready: false, reason: 'shutting down' }
      : await checkReadiness(db, 1500, dependencies);
    res
      .status(readiness.ready ? 200 : 503)
      .json(
        readiness.ready ? { status: 'ready' } : { status: 'unavailable', reason: readiness.reason },
      );
  });
  app.get('/metrics', metricsRoute(metrics, options.metricsToken));
  if (limits.explorer) app.use(explorerRouter(GRAPHQL_PATH));
  app.use(dashboardRouter());
  app.use(
    exportRouter({
      db,
      logger,
      executorFor: async (req, requestId) => {
        const queries = new QueryTally();
        const caller = await identify(req.headers.authorization, queries);
        return apolloExecutor(apollo, contextFor(caller, requestId, queries));
      },
    }),
  );
  // Notifications out (src/api/webhooks, src/api/feeds): deliveries of the events, and the
  // feeds, which answer whoever may read, after the rate limit like every route.
  const webhooks = startWebhookDispatcher({
    db,
    logger,
    events,
    settings: options.webhooks,
    onAttempt: (outcome) => metrics.webhookAttempt(outcome),
  });
  app.use(
    feedRouter({
      db,
      logger,
      admit: async (req) =>
        admission({
          ...(await identify(req.headers.authorization, new QueryTally())),
          publicReads,
        }),
    }),
  );
  app.use(routeErrors(logger));

  /** Contexts made by the admission step, for Apollo to use. */
  const contexts = new WeakMap<http.IncomingMessage, ApiContext>();
  /**
   * Authentication, after the rate limit and before the body is read: a caller who may do
   * nothing (a bad key, or no key where reads are not public) is refused 401 with no parsing
   * or validation work, and so never sees a validation error (nor its field suggestions).
   */
  const admit: Step = (req, res, next) => {
    const queries = new QueryTally();
    identify(req.headers.authorization, queries).then((caller) => {
      const context = contextFor(caller, requestIdOf(res) ?? requestIdFor(req), queries);
      contexts.set(req, context);
      const refused = admission(context);
      res.setHeader('x-cypher-queries', String(queries.count));
      next(refused ?? undefined);
    }, next);
  };

  const steps: Step[] = [
    // CORS first: preflight requests are answered before anything else.
    corsGuard(limits),
    // No limit for either kind of caller: no limiter at all (even skipping costs ~0.1 ms).
    ...(rateLimit ? [rateLimit.middleware] : []),
    ...(limits.explorer ? [explorerForBrowsers(GRAPHQL_PATH)] : []),
    admit,
    jsonBody(limits.maxBodyBytes),
  ];
  const endpoint = graphqlEndpoint({
    path: GRAPHQL_PATH,
    apollo,
    steps,
    answerError: answerBodyError,
    logger,
    context: (req, res, bookmarks) => {
      const context = contexts.get(req);
      if (context)
        return Promise.resolve({ ...context, db: db.forRequest(context.queries, bookmarks) });
      // Not reached: `admit` runs before Apollo for every request.
      return identify(req.headers.authorization, new QueryTally()).then((caller) =>
        contextFor(caller, requestIdOf(res) ?? requestIdFor(req), undefined, bookmarks),
      );
    },
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      metrics.httpRequest(
        req.url ?? '',
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    if (endpoint.handles(req)) endpoint.serve(req, res);
    else app(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}${GRAPHQL_PATH}`,
    port,
    close: async () => {
      draining = true;
      // Drains HTTP (requests under way finish, within shutdownTimeoutMs) and WebSocket.
      await apollo.stop();
      await webhooks.stop();
      await revocations.close();
      await redis?.close();
    },
  };
}

/**
 * The Express routes' last handler: a failure with a 4xx status (a path it cannot decode...)
 * is answered with its code; anything else is logged with the request id and answered 500
 * "internal error", as JSON, never Express's HTML page with a stack trace.
 */
function routeErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (answerBodyError(res, error)) return;
    logger.error({ err: error, requestId: requestIdOf(res), path: req.path }, 'a route failed');
    sendJson(res, 500, {
      errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
