/**
 * HTTP-level guards for the GraphQL endpoint, as steps on node's request and response: CORS
 * allow-list, rate limits per API key and per client address, the JSON body, and JSON answers
 * (with a code) for bodies that are too large or broken.
 */
import type { ServerResponse } from 'node:http';
import { json } from 'body-parser';
import cors from 'cors';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { parseToken } from '../auth/api-keys';
import { sendJson, type Step } from '../graphql-endpoint';

export interface GuardSettings {
  /** Requests per minute per key; 0 means no limit. */
  perKey: number;
  /** Requests per minute per client address without a key; 0 means no limit. */
  anonymous: number;
  corsOrigins: string[];
}

function graphQLError(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/** The key id of a well-formed bearer token (the key itself is never used or logged here). */
function keyIdOf(authorization: string | undefined): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  return token ? (parseToken(token)?.id ?? null) : null;
}

export function rateLimiter(settings: GuardSettings): Step {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: (req) => (keyIdOf(req.headers.authorization) ? settings.perKey : settings.anonymous),
    skip: (req) =>
      (keyIdOf(req.headers.authorization) ? settings.perKey : settings.anonymous) === 0,
    keyGenerator: (req) => {
      const keyId = keyIdOf(req.headers.authorization);
      // The peer's address (what Express's req.ip is without 'trust proxy'). ipKeyGenerator
      // groups an IPv6 client's /56, so that it cannot rotate addresses to escape.
      const address = req.socket.remoteAddress ?? '0.0.0.0';
      return keyId ? `key:${keyId}` : `ip:${ipKeyGenerator(address)}`;
    },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, _next, options) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(
        1,
        Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000),
      );
      res.setHeader('Retry-After', String(retryAfter));
      sendJson(
        res,
        429,
        graphQLError(`too many requests: retry after ${retryAfter} s`, 'RATE_LIMITED', {
          retryAfter,
        }),
      );
    },
  });
  // Typed for Express, but with our keyGenerator and handler it only uses node's request and
  // response (the default key generator and handler are the parts that need Express).
  return limiter as unknown as Step;
}

export function corsGuard(settings: GuardSettings): Step {
  const allowed = new Set(settings.corsOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'x-cypher-queries', 'x-graphql-execution', 'retry-after'],
  });
}

/** The JSON body, up to `maxBytes`; its failures are answered by `answerBodyError`. */
export function jsonBody(maxBytes: number): Step {
  return json({ limit: maxBytes });
}

/**
 * Body-parser failures (too large, not JSON, an unknown charset or encoding) answered as
 * GraphQL errors, not HTML pages. False for any other error.
 */
export function answerBodyError(res: ServerResponse, error: unknown): boolean {
  const failure = error as { type?: unknown; status?: unknown; limit?: unknown; message?: unknown };
  if (typeof failure.type !== 'string') return false;
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
  const status = typeof failure.status === 'number' && failure.status < 500 ? failure.status : 400;
  sendJson(
    res,
    status,
    graphQLError(
      `the request body could not be read: ${String(failure.message)}`,
      'BAD_USER_INPUT',
    ),
  );
  return true;
}
