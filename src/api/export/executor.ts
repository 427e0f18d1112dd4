/**
 * How an export asks the API a question: through the GraphQL schema itself, so that a CSV
 * says exactly what the API says (same resolvers, same validation, same rules of access).
 * Over HTTP the operation runs through Apollo as the caller; on the command line, through
 * graphql-js with the operator's context.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { graphql, type GraphQLSchema } from 'graphql';
import { AppError, ERROR_CODES, type ErrorCode } from '../../errors';
import type { TypedDocumentString } from './gql/graphql';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphQLResultBody {
  data?: Record<string, unknown> | null;
  errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

/** Runs one GraphQL operation and answers with its result, errors included. */
export type GraphQLExecutor = (request: GraphQLRequestBody) => Promise<GraphQLResultBody>;

/** An executor over a built schema, for callers with no HTTP request (the CLI). */
export function schemaExecutor(schema: GraphQLSchema, contextValue: unknown): GraphQLExecutor {
  return async ({ query, variables }) => {
    const result = await graphql({
      schema,
      source: query,
      variableValues: variables,
      contextValue,
    });
    return {
      data: result.data,
      errors: result.errors?.map((e) => ({
        message: e.message,
        path: e.path,
        extensions: e.extensions,
      })),
    };
  };
}

/**
 * An executor that runs operations through Apollo with the context the API would give the
 * HTTP request: its plugins (access, query counts) and its error formatting apply.
 */
export function apolloExecutor<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  contextValue: TContext,
): GraphQLExecutor {
  return async ({ query, variables }) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') {
      throw new AppError('INTERNAL_SERVER_ERROR', 'an export query answered incrementally');
    }
    const { data, errors } = response.body.singleResult;
    return {
      data,
      errors: errors?.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions })),
    };
  };
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * Runs a typed document and returns its data, or throws the first error as an AppError with
 * the API's code. Errors with no path and no code are the request's own (a variable the schema
 * refuses), so they are the caller's to fix.
 */
export async function runTyped<TResult, TVariables>(
  execute: GraphQLExecutor,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const result = await execute({
    query: document.toString(),
    variables: variables as Record<string, unknown>,
  });
  const first = result.errors?.[0];
  if (first) {
    const given = first.extensions?.code;
    const code: ErrorCode =
      typeof given === 'string' && KNOWN_CODES.has(given)
        ? (given as ErrorCode)
        : given === undefined && first.path === undefined
          ? 'BAD_USER_INPUT'
          : 'INTERNAL_SERVER_ERROR';
    throw new AppError(code, first.message);
  }
  if (!result.data) throw new AppError('INTERNAL_SERVER_ERROR', 'an export query returned no data');
  return result.data as TResult;
}
