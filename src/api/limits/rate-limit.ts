/**
 * One rate limit for every door: /graphql, the WebSocket endpoint and the Express routes
 * (exports, explorer, dashboard, health, metrics) count against the same buckets, in one store:
 * this process's memory, or Redis (REDIS_URL), where every replica counts in the same buckets.
 * If Redis fails, requests go through uncounted (logged, and counted in /metrics): the limit
 * guards the API, and must not take it down with Redis.
 *
 * It runs before authentication, so it trusts only what costs nothing to know: a key this
 * process has already verified gets the key's bucket; anything else (no key, a made-up or
 * mistyped key, a revoked one, or a real key before its first check) counts against the
 * caller's address. Made-up key ids therefore get no bucket of their own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import {
  ipKeyGenerator,
  MemoryStore,
  rateLimit as expressRateLimit,
  type ClientRateLimitInfo,
  type Store,
} from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from '../../config';
import type { RedisLink } from '../../redis';
import { AppError } from '../../errors';
import { sendJson, type Step } from '../graphql-endpoint';
import type { GuardSettings } from './http-guards';

const WINDOW_MS = 60_000;
/** How often a failing store is logged: once per interval, not once per request. */
const STORE_ERROR_LOG_MS = 10_000;

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
   * operation, with the HTTP request that opened it); throws RATE_LIMITED, with `retryAfter`
   * seconds, past the limit.
   */
  take(authorization: string | undefined, request: IncomingMessage): Promise<void>;
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
  shared: {
    /** Count in Redis, shared by every replica; else in this process's memory. */
    redis?: RedisLink;
    /** Called for each request let through because the store failed. */
    onStoreError?: () => void;
  } = {},
): RateLimit | null {
  if (settings.perKey <= 0 && settings.anonymous <= 0) return null;

  const bucketOf = (authorization: string | undefined, address: string | undefined): Bucket => {
    const keyId = verifiedKeyId(authorization);
    if (keyId) return { key: `key:${keyId}`, limit: settings.perKey };
    // The client's address (clientAddress: the peer, or what trusted proxies say). ipKeyGenerator
    // groups an IPv6 client's /56, so that it cannot rotate addresses to escape.
    return { key: `ip:${ipKeyGenerator(address ?? '0.0.0.0')}`, limit: settings.anonymous };
  };
  const requestBucket = (req: IncomingMessage): Bucket =>
    bucketOf(req.headers.authorization, clientAddress(req, settings.trustProxyHops));

  const { redis } = shared;
  const backing: Store = redis
    ? new RedisStore({
        // ioredis's generic command call; the store sends EVALSHA and SCRIPT LOAD.
        sendCommand: (command: string, ...args: string[]) =>
          redis.commands.call(command, ...args) as Promise<RedisReply>,
        prefix: `${redis.prefix}rl:`,
      })
    : new MemoryStore();
  let storeErrorLogged = 0;
  /**
   * The one counting path of both doors (the middleware and `take`): a failure is reported
   * here, once per interval while the store fails, and the request goes through uncounted.
   */
  const increment = async (key: string): Promise<ClientRateLimitInfo | null> => {
    try {
      return await backing.increment(key);
    } catch (error) {
      shared.onStoreError?.();
      if (Date.now() - storeErrorLogged >= STORE_ERROR_LOG_MS) {
        storeErrorLogged = Date.now();
        logger.error({ err: error }, 'the rate limit store failed: requests go through uncounted');
      }
      return null;
    }
  };
  /** The store the middleware sees: a failure it gets is one already reported. */
  const store: Store = {
    localKeys: backing.localKeys,
    prefix: backing.prefix,
    init: (options) => backing.init?.(options),
    get: backing.get ? (key) => backing.get!(key) : undefined,
    increment: async (key) => {
      const counted = await increment(key);
      if (!counted) throw new StoreFailure();
      return counted;
    },
    decrement: (key) => backing.decrement(key),
    resetKey: (key) => backing.resetKey(key),
  };
  const limiter = expressRateLimit({
    windowMs: WINDOW_MS,
    store,
    limit: (req) => requestBucket(req).limit,
    skip: (req) => requestBucket(req).limit === 0,
    keyGenerator: (req) => requestBucket(req).key,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    passOnStoreError: true,
    // Its own warnings go to the API's log, never the console; store failures are logged above.
    logger: {
      warn: (error, message) => logger.warn({ err: error }, message ?? 'express-rate-limit'),
      error: (error, message) => {
        if (!(error instanceof StoreFailure))
          logger.error({ err: error }, message ?? 'express-rate-limit');
      },
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
    async take(authorization, request) {
      const bucket = bucketOf(authorization, clientAddress(request, settings.trustProxyHops));
      if (bucket.limit === 0) return;
      const counted = await increment(bucket.key);
      if (!counted) return;
      const { totalHits, resetTime } = counted;
      if (totalHits > bucket.limit) {
        throw rateLimited(secondsUntil(resetTime?.getTime() ?? Date.now() + WINDOW_MS));
      }
    },
  };
}

/**
 * Who sent a request: the peer, or behind `trustedHops` proxies (a load balancer) the entry of
 * X-Forwarded-For that many hops from the right, which the nearest trusted proxy appended. The
 * entries left of it are the client's to write, so never trusted; when there are fewer entries
 * than hops, the leftmost one (a client can only add entries, which moves it left of ours).
 * Express's 'trust proxy' with a hop count does the same.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string | undefined {
  const peer = req.socket.remoteAddress;
  if (trustedHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return peer;
  return entries[Math.max(0, entries.length - trustedHops)];
}

/** The store failed; already reported, so the limiter's own log skips it. */
class StoreFailure extends Error {}

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
