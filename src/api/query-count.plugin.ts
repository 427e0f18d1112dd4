/**
 * Counts the Cypher queries each GraphQL request issues and reports the count in the
 * `x-cypher-queries` response header (and the log), so that clients, tests and benchmarks
 * can see that a request costs one query per root field.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { currentTally, startQueryTally } from '../db/query-count';
import type { ApiContext } from './context';

/** Express middleware: every request to the GraphQL endpoint gets its own tally. */
export const tallyQueries: RequestHandler = (_req, _res, next) => {
  startQueryTally(next);
};

export const queryCountPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        const tally = currentTally();
        if (tally) {
          response.http.headers.set('x-cypher-queries', String(tally.count));
          contextValue.logger.debug(
            { cypherQueries: tally.count, names: tally.names },
            'request done',
          );
        }
        return Promise.resolve();
      },
    });
  },
};
