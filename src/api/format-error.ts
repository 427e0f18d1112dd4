/**
 * What a client sees of an error: the message and a stable code. Outside development,
 * unexpected errors are reduced to INTERNAL_SERVER_ERROR with no driver text or Cypher.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, isAppError } from '../errors';

const KNOWN = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN.has(code)) {
      return development ? formatted : { ...formatted, extensions: { code } };
    }
    if (development) return formatted;
    return {
      message: 'internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
