/**
 * Reports the Cypher queries each GraphQL request issued (its context's tally) in the
 * `x-cypher-queries` response header and the log, so that clients, tests and benchmarks
 * can see that a request costs one query per root field.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from './context';

export const queryCountPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        const { count, names } = contextValue.queries;
        response.http.headers.set('x-cypher-queries', String(count));
        contextValue.logger.debug({ cypherQueries: count, names }, 'request done');
        return Promise.resolve();
      },
    });
  },
};
