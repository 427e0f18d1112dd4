/**
 * What a client sees of an error: the message and a stable code. Outside development,
 * unexpected errors (anything that is not the client's mistake or a refusal with a code: a
 * driver error, a bug, an INTERNAL_SERVER_ERROR of our own) are reduced to
 * INTERNAL_SERVER_ERROR "internal error", with no driver text or Cypher, and logged in full
 * with the request id (`reportErrors`), so that what the client was not told can be found.
 * HTTP (Apollo's formatError and errorLogPlugin) and WebSocket (websocket-gate.ts) share both.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../config';
import { ERROR_CODES, isAppError } from '../errors';
import type { ApiContext } from './context';

/** Codes that say what the client did or may do: their messages are meant for it. */
const CLIENT_CODES = new Set<string>([
  ...ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** An AppError with a client code, else null. */
function expectedAppError(error: unknown) {
  const original = unwrapResolverError(error);
  return isAppError(original) && original.code !== 'INTERNAL_SERVER_ERROR' ? original : null;
}

/** Whether an error is one the API did not expect: logged in full, masked in production. */
export function isUnexpected(error: unknown): boolean {
  if (expectedAppError(error)) return false;
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return !(typeof code === 'string' && CLIENT_CODES.has(code));
}

export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const known = expectedAppError(error);
    if (known) {
      // `http` tells Apollo the status of a refusal (errors/index.ts); it is not for clients.
      const extensions = { ...known.extensions };
      delete extensions.http;
      return {
        ...formatted,
        message: known.message,
        extensions: { ...extensions, code: known.code },
      };
    }
    if (development) return formatted;
    if (!isUnexpected(error)) {
      return { ...formatted, extensions: { code: formatted.extensions?.code } };
    }
    return {
      message: 'internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Logs the unexpected ones among a request's errors, with its logger (which names the request id). */
export function reportErrors(errors: readonly GraphQLError[], logger: Logger): void {
  for (const error of errors) {
    if (!isUnexpected(error)) continue;
    logger.error(
      { err: unwrapResolverError(error), path: error.path },
      `unexpected error: ${error.message}`,
    );
  }
}

/** Apollo's side of `reportErrors`. */
export const errorLogPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        reportErrors(errors, contextValue.logger);
        return Promise.resolve();
      },
    });
  },
};
