/**
 * HTTP-level guards for the GraphQL endpoint, as steps on node's request and response: CORS
 * allow-list, the JSON body (size and nesting), and JSON answers (with a code) for bodies that
 * are too large or broken. The rate limit is in rate-limit.ts, shared with the other doors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'body-parser';
import cors from 'cors';
import { AppError } from '../../errors';
import { sendJson, type Step } from '../graphql-endpoint';
import { checkJsonDepth } from './json-depth';

export interface GuardSettings {
  /** Requests per minute per key; 0 means no limit. */
  perKey: number;
  /** Requests per minute per client address without a key; 0 means no limit. */
  anonymous: number;
  corsOrigins: string[];
  /**
   * Proxies in front of the API (a load balancer) whose X-Forwarded-For entries are trusted to
   * name the client: the client is the entry this many hops from the right. 0: the peer itself.
   */
  trustProxyHops: number;
}

function graphQLError(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

export function corsGuard(settings: GuardSettings): Step {
  const allowed = new Set(settings.corsOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    allowedHeaders: [
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-request-id',
      'neo4j-bookmarks',
    ],
    exposedHeaders: [
      'x-request-id',
      'x-cypher-queries',
      'x-graphql-execution',
      'retry-after',
      'neo4j-bookmarks',
    ],
  });
}

/**
 * The JSON body, up to `maxBytes`, and no deeper than the JSON nesting limit (a GET's
 * `variables` and `extensions` too): graphql-js and Apollo walk variables recursively, and a
 * value nested 20,000 deep would overflow the stack. Failures are answered by `answerBodyError`.
 */
export function jsonBody(maxBytes: number): Step {
  const parse = json({ limit: maxBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      try {
        checkJsonDepth((req as { body?: unknown }).body, 'the request body');
        if (req.method === 'GET') checkSearchParams(req);
      } catch (depthError) {
        next(depthError);
        return;
      }
      next();
    });
  };
}

function checkSearchParams(req: IncomingMessage): void {
  const url = req.url ?? '';
  const search = new URLSearchParams(url.slice(url.indexOf('?') + 1 || url.length));
  for (const name of ['variables', 'extensions']) {
    const text = search.get(name);
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue; // Apollo answers text that is not JSON itself
    }
    checkJsonDepth(value, `the "${name}" parameter`);
  }
}

/**
 * Failures of the steps before Apollo answered as GraphQL errors, not HTML pages: an AppError
 * (a refused caller, JSON nested too deep), body-parser's (too large, not JSON, an unknown
 * charset or encoding, a body that does not decompress), or any error with a 4xx status. False for any other
 * error: the endpoint logs it and answers 500.
 */
export function answerBodyError(res: ServerResponse, error: unknown): boolean {
  if (error instanceof AppError) {
    // `http` is how a refusal tells Apollo its status (errors/index.ts); it is not for clients.
    const { http, ...extensions } = error.extensions as {
      http?: { status?: number };
      retryAfter?: unknown;
    };
    const status = http?.status ?? 400;
    if (error.code === 'RATE_LIMITED' && typeof extensions.retryAfter === 'number')
      res.setHeader('Retry-After', String(extensions.retryAfter));
    sendJson(res, status, graphQLError(error.message, error.code, extensions));
    return true;
  }
  const failure = error as {
    type?: unknown;
    status?: unknown;
    limit?: unknown;
    message?: unknown;
    code?: unknown;
    expose?: unknown;
  };
  if (failure.type === 'entity.too.large') {
    sendJson(
      res,
      413,
      graphQLError(
        `the request body is larger than the limit of ${String(failure.limit)} bytes`,
        'BAD_USER_INPUT',
        { limit: 'body', max: failure.limit },
      ),
    );
    return true;
  }
  if (failure.type === 'entity.parse.failed') {
    sendJson(res, 400, graphQLError('the request body is not valid JSON', 'BAD_USER_INPUT'));
    return true;
  }
  const clientStatus =
    typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500
      ? failure.status
      : null;
  if (typeof failure.type === 'string') {
    sendJson(
      res,
      clientStatus ?? 400,
      graphQLError(
        `the request body could not be read: ${String(failure.message)}`,
        'BAD_USER_INPUT',
      ),
    );
    return true;
  }
  if (clientStatus !== null) {
    // zlib's errors (Z_DATA_ERROR, a brotli error...) carry no type: the body is not what its
    // content-encoding says. Their text is zlib's, so it is not passed on.
    const decompressing = typeof failure.code === 'string' && /^(Z_|ERR_)/.test(failure.code);
    sendJson(
      res,
      clientStatus,
      graphQLError(
        decompressing
          ? 'the request body could not be decompressed: it is not valid for its content-encoding'
          : // http-errors marks the messages meant for clients (a path Express cannot decode...).
            failure.expose === true && typeof failure.message === 'string'
            ? failure.message
            : 'the request could not be read',
        'BAD_USER_INPUT',
      ),
    );
    return true;
  }
  return false;
}
