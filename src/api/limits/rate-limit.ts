/**
 * One rate limit for every door: /graphql, the WebSocket endpoint and the Express routes
 * (exports, explorer, dashboard, health) count against the same buckets, in one store.
 *
 * It runs before authentication, so it trusts only what costs nothing to know: a key this
 * process has already verified gets the key's bucket; anything else (no key, a made-up or
 * mistyped key, a revoked one, or a real key before its first check) counts against the
 * caller's address. Made-up key ids therefore get no bucket of their own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit as expressRateLimit } from 'express-rate-limit';
import type { Logger } from '../../config';
import { AppError } from '../../errors';
import { sendJson, type Step } from '../graphql-endpoint';
import type { GuardSettings } from './http-guards';

const WINDOW_MS = 60_000;

/** A caller as the limiter sees it: the key it has proved, or its address. */
export interface Bucket {
  key: string;
  limit: number;
}

export interface RateLimit {
  /** The limit as a step of the GraphQL endpoint, and as Express middleware: the same function. */
  middleware: Step & RequestHandler;
  /**
   * Counts one request that does not come through `middleware` (a WebSocket connection or
   * operation); throws RATE_LIMITED, with `retryAfter` seconds, past the limit.
   */
  take(authorization: string | undefined, address: string | undefined): Promise<void>;
}

/**
 * The rate limit, or null when neither kind of caller is limited (no limiter at all: even
 * skipping costs ~0.1 ms a request). `verifiedKeyId` says, with no database work, which key an
 * Authorization header carries when this process has already checked it.
 */
export function createRateLimit(
  settings: GuardSettings,
  verifiedKeyId: (authorization: string | undefined) => string | null,
  logger: Logger,
): RateLimit | null {
  if (settings.perKey <= 0 && settings.anonymous <= 0) return null;

  const bucketOf = (authorization: string | undefined, address: string | undefined): Bucket => {
    const keyId = verifiedKeyId(authorization);
    if (keyId) return { key: `key:${keyId}`, limit: settings.perKey };
    // The peer's address (what Express's req.ip is without 'trust proxy'). ipKeyGenerator
    // groups an IPv6 client's /56, so that it cannot rotate addresses to escape.
    return { key: `ip:${ipKeyGenerator(address ?? '0.0.0.0')}`, limit: settings.anonymous };
  };
  const requestBucket = (req: IncomingMessage): Bucket =>
    bucketOf(req.headers.authorization, req.socket.remoteAddress);

  const store = new MemoryStore();
  const limiter = expressRateLimit({
    windowMs: WINDOW_MS,
    store,
    limit: (req) => requestBucket(req).limit,
    skip: (req) => requestBucket(req).limit === 0,
    keyGenerator: (req) => requestBucket(req).key,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Its own warnings go to the API's log, never the console.
    logger: {
      warn: (error, message) => logger.warn({ err: error }, message ?? 'express-rate-limit'),
      error: (error, message) => logger.error({ err: error }, message ?? 'express-rate-limit'),
    },
    handler: (req, res, _next, options) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = secondsUntil(resetTime?.getTime() ?? Date.now() + options.windowMs);
      answerRateLimited(res, retryAfter);
    },
  });

  return {
    // Typed for Express, but with our keyGenerator and handler it only uses node's request and
    // response (the default key generator and handler are the parts that need Express).
    middleware: limiter as unknown as Step & RequestHandler,
    async take(authorization, address) {
      const bucket = bucketOf(authorization, address);
      if (bucket.limit === 0) return;
      const { totalHits, resetTime } = await store.increment(bucket.key);
      if (totalHits > bucket.limit) {
        throw rateLimited(secondsUntil(resetTime?.getTime() ?? Date.now() + WINDOW_MS));
      }
    },
  };
}

function secondsUntil(time: number): number {
  return Math.max(1, Math.ceil((time - Date.now()) / 1000));
}

export function rateLimited(retryAfter: number): AppError {
  return new AppError('RATE_LIMITED', `too many requests: retry after ${retryAfter} s`, {
    retryAfter,
  });
}

function answerRateLimited(res: ServerResponse, retryAfter: number): void {
  res.setHeader('Retry-After', String(retryAfter));
  const error = rateLimited(retryAfter);
  sendJson(res, 429, {
    errors: [
      {
        message: error.message,
        extensions: { code: error.code, retryAfter },
      },
    ],
  });
}
