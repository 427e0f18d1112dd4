/**
 * One benchmark target in its own process (so its memory and CPU are its own):
 *   node dist/bench/bench/serve.js R|O|N <bolt uri> [port] [option...]
 * Options: `managed` (R): reads in managed transactions instead of auto-commit ones (the API's
 * way, and R's by default). `noshaped` (O): the API without its shaped-answer plugin
 * (`startApi({ shapedAnswers: false })`), so every answer goes through graphql-js's execution.
 * `nokept` (O): the API without kept answers (KEPT_ANSWERS=false), so every kept question (the
 * findings rules, kept totals) runs its Cypher every time, as on the first ask after a write.
 * Every target uses the project's driver settings (createDriver) on the same Neo4j.
 * Prints `READY <port> [option...]` on stdout when it listens; stops on SIGTERM.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { graphqlEndpoint } from '../src/api/graphql-endpoint';
import { answerBodyError, jsonBody } from '../src/api/limits/http-guards';
import { startApi } from '../src/api/server';
import { createLogger } from '../src/config';
import { createDriver, Database } from '../src/db';
import { benchDbSettings } from './env';
import { N_TYPE_DEFS } from './ngraphql';
import { serverPort, startRawServer } from './raw';

type Start = (uri: string, port: number, options: string[]) => Promise<() => Promise<void>>;

const startN: Start = async (uri, port) => {
  const driver = createDriver(benchDbSettings(uri));
  const schema = await new Neo4jGraphQL({ typeDefs: N_TYPE_DEFS, driver }).getSchema();
  const httpServer = http.createServer();
  const apollo = new ApolloServer({
    schema,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  // The same HTTP layer as O (its /graphql endpoint, JSON body only): the comparison is of
  // what happens between the request and Neo4j, not of two web frameworks.
  const endpoint = graphqlEndpoint({
    path: '/graphql',
    apollo,
    steps: [jsonBody(1_000_000)],
    answerError: answerBodyError,
    logger: createLogger('silent'),
    context: () => Promise.resolve({}),
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (endpoint.handles(req)) endpoint.serve(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`READY ${(httpServer.address() as AddressInfo).port}\n`);
  return async () => {
    await apollo.stop();
    await driver.close();
  };
};

const startO: Start = async (uri, port, flags) => {
  const db = new Database({ ...benchDbSettings(uri), keepAnswers: !flags.includes('nokept') });
  // The benchmark measures the query path, not the per-address rate limit (0: no limit).
  // A variable, not a literal: commits before the limits (or shapedAnswers) option ignore it.
  const options = {
    db,
    logger: createLogger('silent'),
    port,
    host: '127.0.0.1',
    development: false,
    publicReads: true,
    limits: { anonymous: 0, perKey: 0 },
    // The A/B of the shaped-answer plugin (README: "Is the shaped-answer plugin still needed?").
    shapedAnswers: !flags.includes('noshaped'),
  };
  const api = await startApi(options);
  process.stdout.write(`READY ${api.port}${flags.length ? ` ${flags.join(' ')}` : ''}\n`);
  return async () => {
    await api.close();
    await db.close();
  };
};

const startR: Start = async (uri, port, options) => {
  const driver = createDriver(benchDbSettings(uri));
  const server = await startRawServer(driver, port, options.includes('managed'));
  process.stdout.write(`READY ${serverPort(server)}\n`);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await driver.close();
  };
};

async function main(): Promise<void> {
  const [target, uri, rawPort, ...options] = process.argv.slice(2);
  if (!target || !uri)
    throw new Error(
      'usage: serve.js R|O|N <bolt uri> [port] [noshaped | nokept (O) | managed (R)]',
    );
  const port = Number(rawPort ?? 0);
  const start = ({ R: startR, O: startO, N: startN } as Record<string, Start>)[target];
  if (!start) throw new Error(`unknown target ${target}`);
  const unknown = options.filter(
    (o) =>
      !(['noshaped', 'nokept'].includes(o) && target === 'O') &&
      !(o === 'managed' && target === 'R'),
  );
  if (unknown.length > 0) throw new Error(`${target} takes no option ${unknown.join(', ')}`);
  const stop = await start(uri, port, options);
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`serve failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
