/**
 * The HTTP face: Apollo Server at /graphql (graphql-endpoint.ts), Express for the explorer,
 * dashboard, exports and health endpoints. Resolvers reach Neo4j only through the db layer.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import { execute } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../config';
import { dashboardRouter } from '../dashboard';
import { checkReadiness, type Database, QueryTally } from '../db';
import { AppError } from '../errors';
import { authPlugin } from './auth/auth.plugin';
import { Authenticator } from './auth/authenticate';
import type { ApiContext } from './context';
import { createEvents, type Events } from './events';
import { explorerForBrowsers, explorerRouter } from './explorer/explorer';
import { apolloExecutor, exportRouter } from './export';
import { formatError } from './format-error';
import { graphqlEndpoint, type Step } from './graphql-endpoint';
import {
  answerBodyError,
  corsGuard,
  type GuardSettings,
  jsonBody,
  rateLimiter,
} from './limits/http-guards';
import { queryLimitsPlugin, type QueryLimits } from './limits/query-limits';
import { queryCountPlugin } from './query-count.plugin';
import { buildApiSchema } from './schema';
import { byResponseKey } from './translate/answered';
import { reuseFetchedRootAnswers, shapedAnswerPlugin } from './shaped-answer.plugin';

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
}

export interface ApiLimits extends QueryLimits, GuardSettings {
  maxBodyBytes: number;
  introspection: boolean;
  explorer: boolean;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxTokens: 3000,
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 500_000,
  maxBodyBytes: 2_000_000,
  perKey: 1200,
  anonymous: 300,
  corsOrigins: [],
  introspection: true,
  explorer: true,
};

const GRAPHQL_PATH = '/graphql';

export interface RunningApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const { db, logger } = options;
  const publicReads = options.publicReads ?? true;
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const events: Events = createEvents();
  const schema = await buildApiSchema(events);
  const shapedAnswers = options.shapedAnswers ?? true;
  if (shapedAnswers) reuseFetchedRootAnswers(schema);
  const authenticator = new Authenticator();
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST responses: an ETag would hash every body (~0.2 ms of 183 KB in bench/).
  app.set('etag', false);
  // Requests are dispatched below, once Apollo has started: /graphql to its endpoint, the rest to Express.
  const httpServer = http.createServer();

  /** Who is calling, from the Authorization header (HTTP) or connection parameter (WebSocket). */
  const contextFor = async (
    authorization: string | undefined,
    requestId: string,
  ): Promise<ApiContext> => {
    const queries = new QueryTally();
    const requestDb = db.counting(queries);
    let principal = null;
    let authError: Error | null = null;
    try {
      principal = await authenticator.principal(authorization, requestDb);
    } catch (error) {
      authError = error as Error;
    }
    return {
      db: requestDb,
      queries,
      requestId,
      logger: logger.child({ requestId }),
      principal,
      authError,
      publicReads,
      events,
    };
  };

  // Subscriptions (graphql-ws) on the same path as queries.
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsCleanup = useServer(
    {
      schema,
      // Subscription answers are shaped by response key, like every compiled answer.
      execute: (args) => execute({ ...args, fieldResolver: byResponseKey }),
      context: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization =
          typeof params.authorization === 'string' ? params.authorization : undefined;
        const context = await contextFor(authorization, randomUUID());
        if (context.authError) throw context.authError;
        if (!context.publicReads && !context.principal) {
          throw new AppError(
            'UNAUTHENTICATED',
            'subscriptions need an API key (connection parameter "authorization")',
          );
        }
        return context;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    schema,
    // Compiled answers are shaped by response key (alias or name): every field of a compiled
    // type reads its value so (translate/answered.ts); fields with arguments return the same.
    fieldResolver: byResponseKey,
    introspection: limits.introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatError(options.development),
    includeStacktraceInErrorResponses: options.development,
    // start.ts owns shutdown (API, driver, the Neo4j it started); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set; Apollo's default cache-control plugin would still wrap every
      // field's resolver (about 2 ms of a 183 KB answer in bench/).
      ApolloServerPluginCacheControlDisabled(),
      queryCountPlugin,
      authPlugin,
      queryLimitsPlugin(limits),
      ...(shapedAnswers ? [shapedAnswerPlugin] : []),
      { serverWillStart: () => Promise.resolve({ drainServer: async () => wsCleanup.dispose() }) },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(db);
    res
      .status(readiness.ready ? 200 : 503)
      .json(
        readiness.ready ? { status: 'ready' } : { status: 'unavailable', reason: readiness.reason },
      );
  });
  if (limits.explorer) app.use(explorerRouter(GRAPHQL_PATH));
  app.use(dashboardRouter());
  app.use(
    exportRouter({
      db,
      executorFor: async (req, requestId) =>
        apolloExecutor(apollo, await contextFor(req.headers.authorization, requestId)),
    }),
  );

  const steps: Step[] = [
    // CORS first: preflight requests are answered before anything else.
    corsGuard(limits),
    ...(limits.explorer ? [explorerForBrowsers(GRAPHQL_PATH)] : []),
    // No limit for either kind of caller: no limiter at all (even skipping costs ~0.1 ms).
    ...(limits.perKey > 0 || limits.anonymous > 0 ? [rateLimiter(limits)] : []),
    jsonBody(limits.maxBodyBytes),
  ];
  const endpoint = graphqlEndpoint({
    path: GRAPHQL_PATH,
    apollo,
    steps,
    answerError: answerBodyError,
    logger,
    context: (req, res) => {
      const requestId =
        (typeof req.headers['x-request-id'] === 'string' &&
          req.headers['x-request-id'].slice(0, 100)) ||
        randomUUID();
      res.setHeader('x-request-id', requestId);
      return contextFor(req.headers.authorization, requestId);
    },
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
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
      await apollo.stop();
    },
  };
}
