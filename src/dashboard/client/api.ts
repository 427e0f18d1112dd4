/// <reference lib="dom" />
/**
 * The dashboard's only door to the data: POST a typed document to the public GraphQL
 * endpoint, as any third-party client would, and get its typed result or an ApiError.
 */
import type { TypedDocumentString } from './gql/graphql.js';

export const GRAPHQL_ENDPOINT = '/graphql';

/** A GraphQL or HTTP failure, with the API's stable error code when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Sends one operation. `apiKey` goes as `Authorization: Bearer <key>` (the review page's
 * curator key); the public dashboard sends none.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  apiKey?: string,
): Promise<TResult> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  let body: GraphQLBody<TResult>;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    throw new ApiError(
      `the API answered ${response.status} without a GraphQL body`,
      'BAD_RESPONSE',
    );
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'GRAPHQL_ERROR');
  if (!body.data) throw new ApiError(`the API answered ${response.status} with no data`, 'NO_DATA');
  return body.data;
}

/**
 * Follows a connection's `endCursor` until the last page: the API caps a page at 100 items,
 * and a dashboard shows them all. `onPage` hears of each page as it comes (for progress);
 * `until` stops early once a page holds what the caller looks for.
 */
export async function allPages<
  TPage extends { pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
>(
  fetchPage: (after: string | null) => Promise<TPage>,
  options: {
    maxPages?: number;
    onPage?: (page: TPage) => void;
    until?: (page: TPage) => boolean;
  } = {},
): Promise<TPage[]> {
  const { maxPages = 50, onPage, until } = options;
  const pages: TPage[] = [];
  let after: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: TPage = await fetchPage(after);
    pages.push(page);
    onPage?.(page);
    if (until?.(page) || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return pages;
}
