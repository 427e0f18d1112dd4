/**
 * Counts each GraphQL operation Apollo answers over HTTP: its name, its outcome ("ok" or the
 * first error's code), its time from Apollo's start to the answer, and its Cypher queries.
 * Refusals before Apollo (rate limit, authentication, body limits) show in the HTTP route
 * metrics, by status.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context';
import type { ApiMetrics } from './metrics';

export function metricsPlugin(metrics: ApiMetrics): ApolloServerPlugin<ApiContext> {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ response, errors, operationName, request, contextValue }) {
          const sent =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = sent?.[0]?.extensions?.code ?? errors?.[0]?.extensions.code;
          const failed = (sent?.length ?? 0) > 0 || (errors?.length ?? 0) > 0;
          metrics.operation(
            'http',
            operationName ?? request.operationName,
            failed ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'ok',
            {
              seconds: Number(process.hrtime.bigint() - started) / 1e9,
              cypherQueries: contextValue.queries.count,
            },
          );
          return Promise.resolve();
        },
      });
    },
  };
}
