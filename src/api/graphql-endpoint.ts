/**
 * The /graphql endpoint on node:http, served the way Apollo's own startStandaloneServer serves
 * it: connect-style steps (CORS, the explorer page for browsers, the rate limit, the JSON
 * body), then Apollo's executeHTTPGraphQLRequest. Express serves the other routes; keeping it
 * out of this path saves ~0.2 ms of CPU per request (its router and the request/response
 * prototypes it swaps in), an eighth of a small query's cost in bench/.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ApolloServer,
  type BaseContext,
  HeaderMap,
  type HTTPGraphQLRequest,
} from '@apollo/server';
import type { Logger } from '../config';
import type { BookmarkManager } from 'neo4j-driver';
import { bookmarkChain, parseBookmarks } from '../db';

/** Request and answer header with Neo4j bookmarks: pass an answer's back to read your writes. */
export const BOOKMARKS_HEADER = 'neo4j-bookmarks';

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value;

/** One connect-style step: handles the request itself, or calls `next` (with an error to stop). */
export type Step = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export interface EndpointOptions<Context extends BaseContext> {
  path: string;
  apollo: ApolloServer<Context>;
  /** Run in order before Apollo; the first error goes to `answerError`. */
  steps: Step[];
  /** Answers a failed step (a refused caller, a body too large, not JSON...); true when it answered. */
  answerError: (res: ServerResponse, error: unknown) => boolean;
  /** The request's context; its transactions chain through `bookmarks`. */
  context: (
    req: IncomingMessage,
    res: ServerResponse,
    bookmarks: BookmarkManager,
  ) => Promise<Context>;
  logger: Logger;
}

export interface Endpoint {
  /** Whether a request is for this endpoint (its path, with or without a query string). */
  handles(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): void;
}

export function graphqlEndpoint<Context extends BaseContext>(
  options: EndpointOptions<Context>,
): Endpoint {
  const { path, apollo, steps, logger } = options;

  const fail = (res: ServerResponse, error: unknown): void => {
    if (options.answerError(res, error)) return;
    logger.error({ err: error, requestId: requestIdOf(res) }, 'the GraphQL endpoint failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, 500, {
      errors: [{ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };

  const execute = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: query < 0 ? '' : url.slice(query),
      body: (req as { body?: unknown }).body,
    };
    // Causal consistency across replicas: the request's transactions start from the client's
    // bookmarks (an earlier answer's, from any replica) and the answer carries where they ended.
    const given = parseBookmarks(headerValue(req.headers[BOOKMARKS_HEADER]));
    if ('problem' in given) {
      sendJson(res, 400, {
        errors: [
          {
            message: `the ${BOOKMARKS_HEADER} header: ${given.problem}`,
            extensions: { code: 'BAD_USER_INPUT', argument: BOOKMARKS_HEADER },
          },
        ],
      });
      return;
    }
    const chain = bookmarkChain(given);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: () => options.context(req, res, chain),
    });
    const bookmarks = [...(await chain.getBookmarks())];
    if (bookmarks.length > 0) res.setHeader(BOOKMARKS_HEADER, bookmarks.join(', '));
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return {
    handles(req) {
      const url = req.url ?? '';
      return url.startsWith(path) && (url.length === path.length || url[path.length] === '?');
    },
    serve(req, res) {
      res.setHeader('x-request-id', requestIdFor(req));
      let index = 0;
      const next = (error?: unknown): void => {
        if (error) {
          fail(res, error);
          return;
        }
        const step = steps[index++];
        if (!step) {
          execute(req, res).catch((executeError: unknown) => fail(res, executeError));
          return;
        }
        try {
          step(req, res, next);
        } catch (stepError) {
          fail(res, stepError);
        }
      };
      next();
    },
  };
}

/**
 * The id of a request, in its logs and its `x-request-id` header: the one the client sent
 * (shortened), else a new one.
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return (typeof given === 'string' && given.slice(0, 100)) || randomUUID();
}

/** The id `requestIdFor` gave a response's request. */
export function requestIdOf(res: ServerResponse): string | undefined {
  const id = res.getHeader('x-request-id');
  return typeof id === 'string' ? id : undefined;
}

/** A JSON answer with its status: what the endpoint's guards send instead of an HTML page. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
