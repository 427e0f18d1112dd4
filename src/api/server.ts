/**
 * The HTTP face: Express with Apollo Server at /graphql, the explorer, and the
 * health endpoints. Resolvers reach Neo4j only through the db layer.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../config';
import { checkReadiness, type Database } from '../db';
import type { ApiContext } from './context';
import { explorerRouter } from './explorer/explorer';
import { formatError } from './format-error';
import { queryCountPlugin, tallyQueries } from './query-count.plugin';

export interface ApiOptions {
  db: Database;
  schema: GraphQLSchema;
  logger: Logger;
  port: number;
  host: string;
  /** Development mode shows error details; production hides them. */
  development: boolean;
}

export interface RunningApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const { db, schema, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: formatError(options.development),
    includeStacktraceInErrorResponses: options.development,
    // start.ts owns shutdown (API, driver, the Neo4j it started); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      queryCountPlugin,
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
  app.use(explorerRouter('/graphql'));
  app.use(
    '/graphql',
    tallyQueries,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const requestId =
          (typeof req.headers['x-request-id'] === 'string' &&
            req.headers['x-request-id'].slice(0, 100)) ||
          randomUUID();
        res.setHeader('x-request-id', requestId);
        return Promise.resolve({ db, requestId, logger: logger.child({ requestId }) });
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    close: async () => {
      await apollo.stop();
    },
  };
}
