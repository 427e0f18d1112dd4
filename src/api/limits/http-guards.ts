/**
 * HTTP-level guards for the GraphQL endpoint: CORS allow-list, rate limits per API key and
 * per client address, and JSON answers (with a code) for bodies that are too large or broken.
 */
import cors from 'cors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { parseToken } from '../auth/api-keys';

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

export function rateLimiter(settings: GuardSettings): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: (req) => (keyIdOf(req.headers.authorization) ? settings.perKey : settings.anonymous),
    skip: (req) =>
      (keyIdOf(req.headers.authorization) ? settings.perKey : settings.anonymous) === 0,
    keyGenerator: (req) => {
      const keyId = keyIdOf(req.headers.authorization);
      // ipKeyGenerator groups an IPv6 client's /56, so that it cannot rotate addresses to escape.
      return keyId ? `key:${keyId}` : `ip:${ipKeyGenerator(req.ip ?? '0.0.0.0')}`;
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
      res.status(429).json(
        graphQLError(`too many requests: retry after ${retryAfter} s`, 'RATE_LIMITED', {
          retryAfter,
        }),
      );
    },
  });
}

export function corsGuard(settings: GuardSettings): RequestHandler {
  const allowed = new Set(settings.corsOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'x-cypher-queries', 'x-graphql-execution', 'retry-after'],
  });
}

/** Body-parser failures (too large, not JSON) answered as GraphQL errors, not HTML pages. */
export const bodyErrors: ErrorRequestHandler = (
  error: { type?: string; status?: number; limit?: number },
  _req,
  res,
  next,
) => {
  if (error.type === 'entity.too.large') {
    res
      .status(413)
      .json(
        graphQLError(
          `the request body is larger than the limit of ${error.limit} bytes`,
          'BAD_USER_INPUT',
          { limit: 'body', max: error.limit },
        ),
      );
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res.status(400).json(graphQLError('the request body is not valid JSON', 'BAD_USER_INPUT'));
    return;
  }
  next(error);
};
